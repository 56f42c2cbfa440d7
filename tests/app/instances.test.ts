import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../support/fake-slack.js';
import { Instance } from '../support/instance.js';
import { sendSigned } from '../support/signed.js';
import { Visitor } from '../support/web-app.js';

const PG_URL = process.env.TEST_DATABASE_URL;
const SECRET = 'instances-signing-secret';
/** A schema of its own, so the other test files' clean-ups on the same database never touch it. */
const SCHEMA = `instances_${process.pid}`;

async function setUp(): Promise<string | undefined> {
  if (!PG_URL) return undefined;
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await c.query(`CREATE SCHEMA ${SCHEMA}`);
    await c.end();
    return `${PG_URL}?options=${encodeURIComponent(`-c search_path=${SCHEMA}`)}`;
  } catch {
    return undefined;
  }
}
const databaseUrl = await setUp();

describe.runIf(databaseUrl)('two real instances on one PostgreSQL behave as one bot', () => {
  let fake: FakeSlack;
  let a: Instance;
  let b: Instance;
  let env: Record<string, string>;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    env = { DATABASE_URL: databaseUrl!, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, RATE_LIMIT_PER_MINUTE: '20', NEW_SESSIONS_PER_MINUTE: '10' };
    a = await new Instance(env).start();
    b = await new Instance(env).start();
  }, 30_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await fake?.stop();
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await c.end();
  }, 30_000);

  let n = 0;
  const event = (to: Instance, ev: Record<string, unknown>, retry = false) =>
    sendSigned(to.events, JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: `EvI${++n}`, event_time: 1, event: ev, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }] }), 'application/json', SECRET, retry ? { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } } : {});
  const postsTo = (channel: string) => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
  const until = async (ok: () => boolean, ms = 5000) => {
    for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 25));
  };

  it('a retried event that reaches the other instance is answered once', async () => {
    const dm = { type: 'message', channel_type: 'im', user: 'UI1', text: 'what is the salary?', ts: '100.1', channel: 'DI1' };
    await event(a, dm);
    await event(b, dm, true);
    await until(() => postsTo('DI1').length > 0);
    await new Promise((r) => setTimeout(r, 400));
    expect(postsTo('DI1')).toHaveLength(1);
  });

  it('a thread joined on one instance is followed, in context, on the other', async () => {
    await event(a, { type: 'app_mention', user: 'UI2', text: '<@UBOT> tell me about the CPC', ts: '200.1', channel: 'CI2' });
    await until(() => postsTo('CI2').length === 1);
    await event(b, { type: 'message', channel_type: 'channel', user: 'UI2', text: 'who offers it?', ts: '200.2', thread_ts: '200.1', channel: 'CI2' });
    await until(() => postsTo('CI2').length === 2);
    expect(postsTo('CI2')[1]!.args.thread_ts).toBe('200.1');
    expect(JSON.stringify(postsTo('CI2')[1]!.args)).toContain('offered by AAPC');
  });

  it('one web session, its context and its rate limit span both instances', async () => {
    const onA = new Visitor(a.url);
    await onA.say('tell me about the CPC');
    const onB = new Visitor(b.url);
    onB.cookie = onA.cookie;
    expect((await onB.say('who offers it?'))[0].intent).toBe('certs.cpc');
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await (i % 2 ? onA : onB).post({ type: 'message', text: 'what is the salary' })).status);
    // 2 questions were asked above: 18 more are answered, then one notice (200), then 429s.
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });

  it('an instance killed with SIGKILL and started again keeps every session and its context, and no recorded question is lost', async () => {
    const v = new Visitor(a.url);
    await v.say('tell me about the RHIT');
    const before = await count();
    await a.kill();
    a = await new Instance(env).start();
    const again = new Visitor(a.url);
    again.cookie = v.cookie;
    expect((await again.say('who offers it?'))[0].intent).toBe('certs.rhit');
    expect(await count()).toBe(before + 1);
    expect(await count("question = 'tell me about the RHIT'")).toBe(1);
  }, 30_000);

  it('a cookie-less flood is limited on both instances together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) statuses.push((await new Visitor(i % 2 ? a.url : b.url).post({ type: 'message', text: 'salary' })).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(statuses.slice(-4)).toEqual([429, 429, 429, 429]);
  });

  async function count(where = 'true'): Promise<number> {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM questions WHERE ${where}`);
    await c.end();
    return Number(r.rows[0]!.n);
  }
});
