import { startApp, type RunningApp } from '../../src/app/start.js';
import type { Store } from '../../src/store/types.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { withMemoryStore } from './memory-store.js';
import type { Feedback } from '../../src/app/outcomes.js';
import { createLogger } from '../../src/log/logger.js';
import { productEngine } from '../helpers.js';

export interface WebHarness {
  readonly app: RunningApp;
  readonly feedback: Feedback[];
  close(): Promise<void>;
}

/** The app with no Slack configured: the web chat on a free loopback port. */
export async function startWebHarness(ratePerMinute = 1000, store?: Store, limits: { addressRatePerMinute?: number; sessionsPerMinute?: number; trustProxy?: boolean } = { addressRatePerMinute: 0, sessionsPerMinute: 0 }): Promise<WebHarness> {
  const engine = productEngine();
  const feedback: Feedback[] = [];
  const app = await startApp({
    config: { port: 0, host: '127.0.0.1', logLevel: 'silent', ratePerMinute, ...limits },
    engine: () => engine,
    logger: createLogger('silent'),
    recordFeedback: (f) => feedback.push(f),
    ...(store ? { store } : {}),
  });
  return { app, feedback, close: () => app.close() };
}

export type StoredWebHarness = WebHarness & { readonly store: SqliteStore };

/** The web harness over its own in-memory SQLite store, closed with it. */
export const startStoredWebHarness = (ratePerMinute = 1000): Promise<StoredWebHarness> => withMemoryStore((store) => startWebHarness(ratePerMinute, store));

/** A visitor: keeps the session cookie the server gives, like a browser. */
export class Visitor {
  cookie = '';
  constructor(private readonly base: string) {}

  async post(body: unknown, raw?: string): Promise<{ status: number; json: any }> {
    const res = await fetch(`${this.base}api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: raw ?? JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }

  /** Sends a message and returns the bot's replies. */
  async say(text: string, extra: Record<string, unknown> = {}): Promise<any[]> {
    const r = await this.post({ type: 'message', text, channel: 'webhook', ...extra });
    if (r.status !== 200) throw new Error(`status ${r.status}: ${JSON.stringify(r.json)}`);
    return r.json;
  }
}
