import { adminRoutes } from '../admin/routes.js';
import { SignInLinks } from '../admin/links.js';
import { ADMIN_COOKIE, ADMIN_SESSION_HOURS } from '../admin/session.js';
import { Once } from './once.js';
import { DEFAULT_CONFIG } from '../engine/config.js';
import { INSTALL_PATH, REDIRECT_PATH } from '../slack/oauth/installer.js';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { AppConfig } from '../config/env.js';
import type { Engine } from '../engine/engine.js';
import type { Logger } from '../log/logger.js';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../slack/app.js';
import { createSlackDeps } from '../slack/deps.js';
import { Outcomes, type Feedback } from './outcomes.js';
import { Metrics } from './metrics.js';
import type { Store } from '../store/types.js';
import type { EditResult } from '../kb/edit.js';
import { createHttpServer, type Route } from '../server/http.js';
import { createWebBot } from '../web/bot.js';
import { RateLimiter } from './rate-limit.js';
import { ConversationService, DEFAULT_CONTEXT_TTL_MINUTES, storedContexts } from './conversation.js';
import { memoryState } from '../store/memory-state.js';
import { DialogStorage } from '../web/dialog-storage.js';
import { userKeyer } from './question-log.js';
import { webRoutes } from '../web/routes.js';
import { Sessions } from '../web/session.js';

export interface StartOptions {
  readonly config: AppConfig;
  readonly engine: () => Engine;
  readonly logger: Logger;
  readonly slack?: SlackAppOptions;
  /** Also told of every feedback press (tests). */
  readonly recordFeedback?: (f: Feedback) => void;
  /** Where question outcomes are kept; none: logs only. */
  readonly store?: Store;
  /** Adds an utterance to an intent file and reloads (advisor triage in Slack). */
  readonly addUtterance?: (intentId: string, utterance: string) => EditResult;
}

export interface RunningApp {
  readonly port: number;
  readonly url: string;
  readonly slack?: SlackApp;
  readonly server: Server;
  /** Stops Slack, lets requests under way finish (up to a few seconds), and closes the server. */
  close(): Promise<void>;
  readonly metrics: Metrics;
}

/** How long requests under way may take to finish once the app is stopping. */
const GRACE_MS = 3000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<T>((_r, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

/** Starts every channel on one HTTP server: the web chat always, Slack when it is configured. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const metrics = new Metrics();
  const outcomes = new Outcomes(logger, userKeyer(config.userKeySalt), options.store, options.recordFeedback, metrics);
  // A limit that cannot be counted lets the question through: being down is worse than being generous.
  const limitError = (error: Error): void => {
    metrics.storeErrors.inc({ operation: 'rate' });
    logger.error({ err: error }, 'could not count a rate limit; the question is answered');
  };
  // Conversation contexts and dialog state live in the store, so restarts and instances share them.
  const state = options.store ?? memoryState();
  // A guide left alone as long as a conversation's context starts over, like the context itself.
  const dialogs = new DialogStorage(state, (config.contextTtlMinutes ?? DEFAULT_CONTEXT_TTL_MINUTES) * 60_000);
  // One service for every channel, with one limiter: keys are Slack user ids and web session ids, so each person has one budget.
  const conversations = new ConversationService({
    engine: options.engine,
    contexts: storedContexts(state),
    outcomes,
    limiter: new RateLimiter(config.ratePerMinute, state, undefined, undefined, limitError),
    logger,
    metrics,
    ...(config.contextTtlMinutes ? { contextTtlMinutes: config.contextTtlMinutes } : {}),
  });
  const web = createWebBot(options.engine, logger, outcomes, conversations, dialogs);
  const limits = {
    questions: new RateLimiter(config.addressRatePerMinute ?? 120, state, undefined, undefined, limitError),
    sessions: new RateLimiter(config.sessionsPerMinute ?? 30, state, undefined, undefined, limitError),
    trustProxy: config.trustProxy ?? false,
  };
  const routes: Route[] = [...webRoutes(web, new Sessions(config.sessionSecret, config.sessionTtlHours), conversations, () => options.engine().kb, limits)];
  // The advisor dashboard lives on the store: without one there is nothing to show.
  const links = options.store ? new SignInLinks(options.store, new Once(options.store)) : undefined;
  if (options.store && links) {
    routes.push(
      ...adminRoutes({
        store: options.store,
        links,
        sessions: new Sessions(config.sessionSecret, ADMIN_SESSION_HOURS, Date.now, ADMIN_COOKIE),
        engine: options.engine,
        ...(options.addUtterance ? { addUtterance: options.addUtterance } : {}),
        logger,
        maxAgeDays: DEFAULT_CONFIG.factMaxAgeDays,
      }),
    );
  }
  let slack: SlackApp | undefined;
  if (config.slack) {
    const deps = createSlackDeps(options.engine, logger, {
      outcomes,
      conversations,
      ...(options.store ? { store: options.store } : {}),
      advisorUserIds: config.advisorUserIds,
      ...(config.advisorChannelId ? { advisorChannelId: config.advisorChannelId } : {}),
      ...(options.addUtterance ? { addUtterance: options.addUtterance } : {}),
      oauth: config.slack.oauth !== undefined,
      ...(links ? { dashboard: { links, ...(config.publicUrl ? { baseUrl: config.publicUrl } : {}) } } : {}),
    });
    slack = createSlackApp(config.slack, deps, logger, { ...options.slack, onTrouble: (kind) => metrics.slackErrors.inc({ kind }) });
    if (slack.handleHttp) routes.push({ method: 'POST', path: '/slack/events', handler: slack.handleHttp });
    // Many workspaces: the install link and Slack's redirect back (OAuth), on every instance.
    if (slack.handleOAuth) for (const path of [INSTALL_PATH, REDIRECT_PATH]) routes.push({ method: 'GET', path, handler: slack.handleOAuth });
  }
  routes.push({
    method: 'GET',
    path: '/metrics',
    handler: async (_req, res) => {
      const { contentType, body } = await metrics.text();
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
      res.end(body);
    },
  });
  // /healthz answers 503 when the store cannot be reached: a load balancer then sends visitors elsewhere.
  const health = async (): Promise<Record<string, string>> => {
    if (!options.store) return {};
    try {
      await withTimeout(options.store.ping(), 2000);
      return { store: options.store.kind };
    } catch (error) {
      metrics.storeErrors.inc({ operation: 'ping' });
      throw new Error(`the ${options.store.kind} store cannot be reached: ${(error as Error).message}`);
    }
  };
  const server = createHttpServer(routes, (error) => logger.error({ err: error }, 'request failed'), config.connectionsPerClient, health);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if (slack) await slack.start();
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    port,
    url: `http://${host}:${port}/`,
    slack,
    server,
    async close() {
      await slack?.stop().catch((error: Error) => logger.warn({ err: error }, 'stopping Slack failed'));
      // No new connections; idle ones close now, requests under way get up to GRACE_MS to finish.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A connection whose request just finished is idle now: close it rather than wait for the grace.
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), GRACE_MS);
      await closed;
      clearTimeout(grace);
      clearInterval(idle);
      await web.shutdown().catch((error: Error) => logger.warn({ err: error }, 'stopping the web chat failed'));
    },
    metrics,
  };
}
