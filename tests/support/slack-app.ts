import { Writable } from 'node:stream';
import { startApp, type RunningApp } from '../../src/app/start.js';
import type { Store } from '../../src/store/types.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { withMemoryStore } from './memory-store.js';
import type { EditResult } from '../../src/kb/edit.js';
import type { SlackConfig } from '../../src/config/env.js';
import type { Feedback } from '../../src/app/outcomes.js';
import { createLogger } from '../../src/log/logger.js';
import { productEngine } from '../helpers.js';
import type { Engine } from '../../src/engine/engine.js';
import { FakeSlack } from './fake-slack.js';

export const SECRET = 'test-signing-secret';

export interface SlackHarness {
  readonly fake: FakeSlack;
  readonly app: RunningApp;
  readonly events: string;
  readonly feedback: Feedback[];
  /** Every log line the app wrote (JSON). */
  readonly logs: string[];
  close(): Promise<void>;
}

/** The app in HTTP mode on a free loopback port, its WebClient pointed at a fake Slack Web API. */
export async function startSlackHarness(slack: Partial<SlackConfig> = {}, options: { ratePerMinute?: number; store?: Store; advisors?: { userIds: string[]; channelId?: string }; addUtterance?: (i: string, u: string) => EditResult; engine?: Engine; publicUrl?: string } = {}): Promise<SlackHarness> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const fake = await new FakeSlack().start();
  const engine = options.engine ?? productEngine();
  const feedback: Feedback[] = [];
  const app = await startApp({
    config: {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      ratePerMinute: options.ratePerMinute ?? 1000,
      dataDir: './data',
      retentionDays: 90,
      advisorUserIds: options.advisors?.userIds ?? [],
      ...(options.advisors?.channelId ? { advisorChannelId: options.advisors.channelId } : {}),
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      slack: { botToken: 'xoxb-test-token', signingSecret: SECRET, apiUrl: fake.url, mode: 'http', ...slack },
    },
    engine: () => engine,
    logger: createLogger('info', sink),
    slack: { retries: 2 },
    recordFeedback: (f) => feedback.push(f),
    ...(options.store ? { store: options.store } : {}),
    ...(options.addUtterance ? { addUtterance: options.addUtterance } : {}),
  });
  return {
    fake,
    app,
    events: `${app.url}slack/events`,
    feedback,
    logs,
    async close() {
      await app.close();
      await fake.stop();
    },
  };
}

export type StoredSlackHarness = SlackHarness & { readonly store: SqliteStore };

/** The Slack harness over its own in-memory SQLite store, closed with it. */
export const startStoredSlackHarness = (
  slack: Partial<SlackConfig> = {},
  options: Omit<NonNullable<Parameters<typeof startSlackHarness>[1]>, 'store'> = {},
): Promise<StoredSlackHarness> => withMemoryStore((store) => startSlackHarness(slack, { ...options, store }));
