import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_SECRET, FuzzServer, request, type Outcome } from '../support/fuzz-server.js';
import { GUIDE_START, runWeb, webSequence } from '../support/fuzz-web.js';
import { runSlack, slackSequence } from '../support/fuzz-slack.js';
import { slackSignature } from '../support/signed.js';

// The real app (dist/src/main.js, built by `npm test`) as a child process, against a fake Slack.
// A run fails when a request gets no answer within 10 s, the process exits, /healthz is not 200,
// or a log line mentions an unhandled error (the last-resort handler's "unhandled rejection", or
// Bolt's "An unhandled error occurred…" when a listener threw). The server is started again after
// a run that killed it. Replay a failure with FUZZ_SEED=<seed> FUZZ_PATH=<path>.
/** Sequences of 1-8 turns each; about 25 s in all on two cores. */
const RUNS = { web: 150, slack: 150 };
/** Shrinking a failure stops after this long; the smallest failing sequence so far is reported. */
const SHRINK_MS = 10_000;
const NEXT_QUESTION = 'what do beginners earn?';

let server: FuzzServer;
beforeAll(async () => {
  server = await new FuzzServer().start();
}, 30_000);
afterAll(async () => server?.stop(), 15_000);

/** Runs one sequence on a live server (started again if an earlier run killed it) and throws whatever went wrong. */
async function checked(run: () => Promise<string[]>, quietMs = 10): Promise<void> {
  await server.ensure();
  const mark = server.stderr.length;
  const requestProblems = await run();
  await server.settle(quietMs);
  const problems = await server.problems(mark, requestProblems);
  if (problems.length > 0) throw new Error(problems.join('\n\n'));
}

/** fast-check options: the run counts above, a replayable seed, and shrinking bounded in time. */
function options(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  return { numRuns, ...(seed !== undefined ? { seed } : {}), ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) };
}
function boundedShrink<T>(predicate: (value: T) => Promise<void>): (value: T) => Promise<void> {
  let failedAt = 0;
  return async (value) => {
    if (failedAt && Date.now() - failedAt > SHRINK_MS) return; // out of shrinking time: keep the smallest failure found
    try {
      await predicate(value);
    } catch (error) {
      failedAt ||= Date.now();
      throw error;
    }
  };
}

/** A web chat visitor that keeps its session cookie; answers are outcomes, never throws. */
class Chat {
  private cookie = '';
  readonly problems: string[] = [];
  async post(body: unknown): Promise<Outcome> {
    const text = JSON.stringify(body);
    const r = await request(`${server.url}api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) }, body: text });
    if ('error' in r) this.problems.push(`POST /api/messages ${text}: ${r.error}`);
    else if (r.setCookie) this.cookie = r.setCookie.split(';')[0]!;
    return r;
  }
}

/** After a crash sequence: the server is up and the bot still answers a normal question over /api/messages. */
async function expectStillAnswers(chat: Chat): Promise<void> {
  const r = await chat.post({ type: 'message', text: NEXT_QUESTION });
  expect('status' in r ? r.status : r.error, `the next question, "${NEXT_QUESTION}"`).toBe(200);
  const replies = JSON.parse((r as { text: string }).text) as { text?: unknown }[];
  expect(replies.length).toBeGreaterThan(0);
  expect(typeof replies[0]!.text).toBe('string');
}

describe('Known crash sequences stay fixed (replayed against the running server)', () => {
  const webCase = (name: string, turns: unknown[]) =>
    it(name, async () => {
      const chat = new Chat();
      await checked(async () => {
        for (const body of turns) await chat.post(body);
        return chat.problems;
      });
      await expectStillAnswers(chat);
    }, 20_000);

  webCase('web: starting the guide and then sending an empty message keeps the server up', [{ type: 'message', text: GUIDE_START }, { type: 'message', text: '' }]);
  webCase('web: starting the guide and then sending a message without text keeps the server up', [{ type: 'message', text: GUIDE_START }, { type: 'message' }]);
  webCase('web: a feedback press during the guide keeps the server up', [{ type: 'message', text: GUIDE_START }, { type: 'feedback', intent: 'salary', helpful: true }]);

  it('Slack: a signed JSON body `null` and a signed form body `payload=null` keep the server up', async () => {
    await checked(async () => {
      const problems: string[] = [];
      for (const [body, type] of [['null', 'application/json'], ['payload=null', 'application/x-www-form-urlencoded']] as const) {
        const r = await request(server.events, { method: 'POST', headers: { 'content-type': type, ...slackSignature(body, FUZZ_SECRET) }, body });
        if ('error' in r) problems.push(`POST /slack/events ${type} ${body}: ${r.error}`);
      }
      return problems;
    }, 40);
    await expectStillAnswers(new Chat());
  }, 30_000);
});

describe('Fuzz: random sequences against the running server', () => {
  it('Fuzz: no sequence of web turns takes the server down', async () => {
    const run = boundedShrink((turns: Parameters<typeof runWeb>[1]) => checked(() => runWeb(server.url, turns)));
    await fc.assert(fc.asyncProperty(webSequence, run), options(RUNS.web));
  }, 60_000);

  it('Fuzz: no sequence of signed Slack payloads takes the server down', async () => {
    // Requests Bolt answers late (no listener acks them) are checked as they end, by later runs and at the end.
    const lingering: Promise<unknown>[] = [];
    const late: string[] = [];
    const run = boundedShrink((turns: Parameters<typeof runSlack>[2]) =>
      checked(async () => {
        const { problems, inflight } = await runSlack(server.events, server.fake, turns);
        for (const p of inflight) lingering.push(p.then((e) => e && late.push(`${e}\n  (in the sequence ${fc.stringify(turns).slice(0, 2000)})`)));
        server.fake.reset(); // keeps the record of Slack calls small
        return [...problems, ...late.splice(0)];
      }, 40),
    );
    await fc.assert(fc.asyncProperty(slackSequence, run), options(RUNS.slack));
    await Promise.all(lingering);
    expect(late, 'Slack requests that got no answer').toEqual([]);
  }, 60_000);
});
