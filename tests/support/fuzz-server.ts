import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { FakeSlack } from './fake-slack.js';
import { slackSignature } from './signed.js';

export const FUZZ_SECRET = 'fuzz-signing-secret';
/** A request that gets no answer within this long hangs: a failure. */
export const REQUEST_MS = 10_000;
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
/** A log message about an error nothing handled: the last-resort handler's, Bolt's, Node's own. */
const UNHANDLED = /unhandled|uncaught/i;

/** The message of a JSON log line (not the question text it may carry), or the whole line. */
function messageOf(line: string): string {
  try {
    const msg = (JSON.parse(line) as { msg?: unknown }).msg;
    return typeof msg === 'string' ? msg : '';
  } catch {
    return line;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The intent ids of intents/*.yaml (topic buttons, feedback). */
export const INTENT_IDS: string[] = readdirSync(join(ROOT, 'intents'))
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => [...readFileSync(join(ROOT, 'intents', f), 'utf8').matchAll(/^\s*- id: ([\w.-]+)/gm)].map((m) => m[1]!));

/** What one request got: its answer, or why it got none (timeout, connection reset). */
export type Outcome = { status: number; text: string; setCookie: string | null } | { error: string };

/** Sends one request; never throws, never waits longer than REQUEST_MS. */
export async function request(url: string, init: RequestInit): Promise<Outcome> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_MS) });
    return { status: res.status, text: await res.text(), setCookie: res.headers.get('set-cookie') };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError') return { error: `no answer within ${REQUEST_MS / 1000} s` };
    return { error: `${err.message}${err.cause ? ` (${err.cause.code ?? err.cause.message})` : ''}` };
  }
}

/**
 * The real app (`node dist/src/main.js`) as a child process, with a fake Slack Web API, a fresh
 * data folder and a copy of the knowledge base (advisor triage may write to intents/). It is
 * started again if a run killed it, so each fuzz run (and each shrink) starts on a live server.
 */
export class FuzzServer {
  fake!: FakeSlack;
  url = '';
  stderr = '';
  private child: ChildProcess | undefined;
  private dir = '';
  private exitNote = '';

  get events(): string {
    return `${this.url}slack/events`;
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<this> {
    this.dir = mkdtempSync(join(tmpdir(), 'faqbot-fuzz-'));
    for (const d of ['intents', 'knowledge']) cpSync(join(ROOT, d), join(this.dir, d), { recursive: true });
    this.fake = await new FakeSlack().start();
    await this.spawn();
    return this;
  }

  private async spawn(): Promise<void> {
    const env = {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? this.dir,
      PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', ADDRESS_RATE_LIMIT_PER_MINUTE: '0', NEW_SESSIONS_PER_MINUTE: '0',
      DATA_DIR: join(this.dir, 'data'), INTENTS_DIR: join(this.dir, 'intents'), KNOWLEDGE_DIR: join(this.dir, 'knowledge'),
      SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: FUZZ_SECRET, SLACK_API_URL: this.fake.url,
    };
    // cwd is the temp folder so that no .env of the project is read.
    const child = spawn(process.execPath, [MAIN], { cwd: this.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.exitNote = '';
    child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    child.once('exit', (code, signal) => (this.exitNote = `the server exited (code ${code}, signal ${signal})`));
    this.url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = out.match(/faqbot web chat: (http:\/\/\S+\/)/);
        if (m) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`the server did not start: ${out}\n${this.stderr.slice(-2000)}`)));
    });
    // Warm up both channels, so that a first request is not slower than the fuzz runs' pacing.
    const body = '{"type":"url_verification","challenge":"warm-up"}';
    await request(this.events, { method: 'POST', headers: { 'content-type': 'application/json', ...slackSignature(body, FUZZ_SECRET) }, body });
    await request(`${this.url}api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message","text":"hi"}' });
  }

  /** Starts the server again if the last run killed it. */
  async ensure(): Promise<void> {
    if (!this.alive) await this.spawn();
  }

  /** Waits until the app has been quiet (no Slack calls, no log lines: its work after an ack is done) for `quietMs`, at most `ms`. */
  async settle(quietMs: number, ms = 3000): Promise<void> {
    const until = Date.now() + ms;
    let last = '';
    for (let quiet = 0; quiet < quietMs && Date.now() < until; ) {
      await sleep(10);
      const now = `${this.fake.calls.length}:${this.stderr.length}`;
      quiet = now === last ? quiet + 10 : 0;
      last = now;
    }
  }

  /**
   * Everything wrong after a run: requests that got no answer, a dead server, /healthz not 200,
   * or an unhandled rejection or exception logged since `mark` (stderr length at the run's start).
   */
  async problems(mark: number, requestProblems: readonly string[] = []): Promise<string[]> {
    const out = [...requestProblems];
    if (this.alive) {
      const h = await request(`${this.url}healthz`, {});
      if (!('status' in h) || h.status !== 200) out.push(`GET /healthz: ${'status' in h ? `status ${h.status}` : h.error}`);
      await sleep(5); // an exit racing the health check is reported as an exit
    }
    if (!this.alive) out.push(this.exitNote || 'the server exited');
    const logged = this.stderr.slice(mark).split('\n').filter((l) => UNHANDLED.test(messageOf(l)));
    if (logged.length > 0) out.push(`logged ${logged.length} unhandled error(s):\n${logged.slice(0, 3).join('\n')}`);
    if (out.length > 0) out.push(`stderr since the run started (tail):\n${this.stderr.slice(mark).slice(-3000)}`);
    return out;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && this.alive) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => (child.kill('SIGKILL'), resolve()), 5000).unref();
      });
    }
    await this.fake?.stop();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
