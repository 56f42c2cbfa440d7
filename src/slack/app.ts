import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlackConfig } from '../config/env.js';
import { boltLogger, type Logger } from '../log/logger.js';
import type { SlackDeps } from './deps.js';
import { registerListeners } from './listeners/index.js';
import { guardSlackRequests, SLACK_LIMITS } from './guard.js';
import { installerOptions } from './oauth/installer.js';

export interface SlackApp {
  readonly app: App;
  /** HTTP mode: handles POST /slack/events on the app's one server. Socket Mode: undefined. */
  readonly handleHttp?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** With OAuth: handles GET /slack/install and GET /slack/oauth_redirect. */
  readonly handleOAuth?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Connects Socket Mode (nothing to do in HTTP mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackAppOptions {
  /** Retries of Web API calls (rate limits, server errors); Bolt's default when unset. */
  readonly retries?: number;
  /** Socket Mode: how long to wait for a pong before reconnecting. */
  readonly clientPingTimeoutMs?: number;
  /** Told of every Slack failure: `listener` (an error Bolt or a listener logged) or `rate_limited`. */
  readonly onTrouble?: (kind: 'listener' | 'rate_limited') => void;
}

/** The Bolt app over the engine, in HTTP mode or Socket Mode as the configuration says. */
export function createSlackApp(config: SlackConfig, deps: SlackDeps, logger: Logger, options: SlackAppOptions = {}): SlackApp {
  const log = boltLogger(logger, () => options.onTrouble?.('listener'));
  const watch = (app: App): void => void app.client.on(webApi.WebClientEvent.RATE_LIMITED, () => options.onTrouble?.('rate_limited'));
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    ...(options.retries !== undefined ? { retryConfig: { retries: options.retries, factor: 1.5, minTimeout: 50, maxTimeout: 2000 } } : {}),
  };
  if (config.mode === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: config.appToken!,
      logger: log,
      installerOptions: { clientOptions },
      ...(options.clientPingTimeoutMs ? { clientPingTimeout: options.clientPingTimeoutMs } : {}),
    });
    const app = new App({ token: config.botToken, receiver, logger: log, clientOptions });
    registerListeners(app, deps);
    watch(app);
    let started = false;
    return {
      app,
      start: async () => {
        await app.start();
        started = true;
      },
      stop: async () => {
        if (started) await app.stop();
        started = false;
      },
    };
  }
  const oauth = config.oauth && deps.oauth ? installerOptions(config.oauth, deps.oauth, clientOptions, logger) : undefined;
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret!,
    endpoints: '/slack/events',
    bodyLimit: SLACK_LIMITS.bodyBytes,
    logger: log,
    unhandledRequestTimeoutMillis: 2500,
    ...(oauth ?? {}),
  });
  // One workspace: its bot token. Many: each event is authorized with its workspace's installation.
  const app = new App({ ...(oauth ? {} : { token: config.botToken }), receiver, logger: log, clientOptions });
  registerListeners(app, deps);
  watch(app);
  const listen = async (req: IncomingMessage, res: ServerResponse): Promise<void> => receiver.requestListener(req, res);
  return {
    app,
    handleHttp: guardSlackRequests({ signingSecret: config.signingSecret!, logger, ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}) }, listen),
    ...(oauth ? { handleOAuth: listen } : {}),
    start: async () => undefined,
    stop: async () => undefined,
  };
}
