import { startApp, type RunningApp } from '../../src/app/start.js';
import type { SlackConfig } from '../../src/config/env.js';
import type { Feedback } from '../../src/slack/deps.js';
import { createLogger } from '../../src/log/logger.js';
import { productEngine } from '../helpers.js';
import { FakeSlack } from './fake-slack.js';

export const SECRET = 'test-signing-secret';

export interface SlackHarness {
  readonly fake: FakeSlack;
  readonly app: RunningApp;
  readonly events: string;
  readonly feedback: Feedback[];
  close(): Promise<void>;
}

/** The app in HTTP mode on a free loopback port, its WebClient pointed at a fake Slack Web API. */
export async function startSlackHarness(slack: Partial<SlackConfig> = {}): Promise<SlackHarness> {
  const fake = await new FakeSlack().start();
  const engine = productEngine();
  const feedback: Feedback[] = [];
  const app = await startApp({
    config: {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      slack: { botToken: 'xoxb-test-token', signingSecret: SECRET, apiUrl: fake.url, mode: 'http', ...slack },
    },
    engine: () => engine,
    logger: createLogger('silent'),
    slack: { retries: 2 },
    recordFeedback: (f) => feedback.push(f),
  });
  return {
    fake,
    app,
    events: `${app.url}slack/events`,
    feedback,
    async close() {
      await app.close();
      await fake.stop();
    },
  };
}
