import type { Level } from '../log/logger.js';

/** Slack's OAuth flow, for one deployment installed in many workspaces (HTTP mode). */
export interface SlackOAuthConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs nothing by itself here: the install state is kept in the store; required as Bolt's secret. */
  readonly stateSecret: string;
  /** Bot scopes asked for at install (`SLACK_SCOPES`, comma-separated; the manifest's by default). */
  readonly scopes: readonly string[];
}

/** Slack settings; present only when Slack credentials are configured. */
export interface SlackConfig {
  /** The one workspace's bot token; with OAuth, each installed workspace's own token is used instead. */
  readonly botToken?: string;
  /** Set: Bolt's OAuth flow at /slack/install and /slack/oauth_redirect, installations in the store. */
  readonly oauth?: SlackOAuthConfig;
  /** Verifies HTTP requests (HTTP mode). */
  readonly signingSecret?: string;
  /** Set: Socket Mode. Unset: HTTP mode at POST /slack/events. */
  readonly appToken?: string;
  /** Base URL of the Slack Web API (proxies and tests); Slack's own when unset. */
  readonly apiUrl?: string;
  readonly mode: 'http' | 'socket';
}

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: Level;
  /** Questions one person may ask a minute (0: no limit). */
  readonly ratePerMinute: number;
  /** Salt of the anonymous user keys in logs and stores; random per process when unset. */
  readonly userKeySalt?: string;
  /** Folder of the SQLite store (default ./data). */
  readonly dataDir: string;
  /** FULL: SQLite syncs every commit to disk (`SQLITE_SYNCHRONOUS`); NORMAL (default): at checkpoints. */
  readonly sqliteSynchronous?: 'NORMAL' | 'FULL';
  /** PostgreSQL connection URL; set, it replaces SQLite so several instances share one store. */
  readonly databaseUrl?: string;
  /** Stored questions older than this many days are purged on start and daily. */
  readonly retentionDays: number;
  /** Slack user ids of advisors (see `/faq stats`, the advisor App Home). */
  readonly advisorUserIds: readonly string[];
  /** Slack channel where unanswered and unhelpful questions are posted for advisors. */
  readonly advisorChannelId?: string;
  /** Signs web chat session cookies; a random one per process when unset (sessions end on restart). */
  readonly sessionSecret?: string;
  /** Hours a web chat session lasts from its start (default 24). */
  readonly sessionTtlHours?: number;
  /** Minutes of silence after which a conversation's context is forgotten (default 30). */
  readonly contextTtlMinutes?: number;
  /** Open connections one client address may hold (default 100; 0: no cap, behind a proxy that limits). */
  readonly connectionsPerClient?: number;
  /** Web chat questions one client address may send a minute (default 120; 0: no limit). */
  readonly addressRatePerMinute?: number;
  /** Web chat sessions one client address may start a minute (default 30; 0: no limit). */
  readonly sessionsPerMinute?: number;
  /** Read the client address from X-Forwarded-For (behind a trusted reverse proxy); off by default. */
  readonly trustProxy?: boolean;
  /** The bot's public address (`PUBLIC_URL`), for links it sends: the dashboard's sign-in link in Slack. */
  readonly publicUrl?: string;
  readonly slack?: SlackConfig;
}

/** Raised when the environment cannot configure the app; names every variable that is wrong. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`Configuration is invalid; fix these in .env or the environment (see .env.example):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LEVELS: readonly Level[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** The bot scopes of slack/manifest.yml, asked for at install unless SLACK_SCOPES says otherwise. */
const DEFAULT_SCOPES: readonly string[] = ['app_mentions:read', 'assistant:write', 'channels:history', 'groups:history', 'im:history', 'mpim:history', 'chat:write', 'commands'];

/** The first characters of a secret, enough to recognise its kind without revealing it. */
function prefixOf(secret: string): string {
  return `${secret.slice(0, 5)}…`;
}

/** Reads and validates the app's configuration from environment variables. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };

  const portText = value('PORT') ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT must be a port number from 0 to 65535, not "${portText}"`);

  const logLevel = (value('LOG_LEVEL') ?? 'info').toLowerCase() as Level;
  if (!LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, not "${value('LOG_LEVEL')}"`);

  const botToken = value('SLACK_BOT_TOKEN');
  const signingSecret = value('SLACK_SIGNING_SECRET');
  const appToken = value('SLACK_APP_TOKEN');
  let apiUrl = value('SLACK_API_URL');
  const oauthParts = { SLACK_CLIENT_ID: value('SLACK_CLIENT_ID'), SLACK_CLIENT_SECRET: value('SLACK_CLIENT_SECRET'), SLACK_STATE_SECRET: value('SLACK_STATE_SECRET') };
  const oauthSet = Object.entries(oauthParts).filter(([, v]) => v !== undefined).map(([k]) => k);
  let oauth: SlackOAuthConfig | undefined;
  if (oauthSet.length > 0) {
    const missing = Object.keys(oauthParts).filter((k) => !oauthSet.includes(k));
    if (missing.length > 0) problems.push(`${missing.join(' and ')} missing: Slack's OAuth flow needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together (or none of them)`);
    else if (appToken) problems.push('SLACK_APP_TOKEN is set with SLACK_CLIENT_ID: the OAuth flow for many workspaces runs in HTTP mode; unset SLACK_APP_TOKEN');
    else if (!signingSecret) problems.push('SLACK_SIGNING_SECRET is missing: the OAuth flow runs in HTTP mode, which verifies requests with it');
    else if ((oauthParts.SLACK_STATE_SECRET ?? '').length < 16) problems.push('SLACK_STATE_SECRET must be at least 16 characters (a random string)');
    else {
      const scopes = (value('SLACK_SCOPES') ?? DEFAULT_SCOPES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
      if (scopes.length === 0 || scopes.some((s) => !/^[a-z_]+(:[a-z_.]+)*$/.test(s))) problems.push(`SLACK_SCOPES must be comma-separated Slack scopes such as "chat:write,commands", not "${value('SLACK_SCOPES')}"`);
      oauth = { clientId: oauthParts.SLACK_CLIENT_ID!, clientSecret: oauthParts.SLACK_CLIENT_SECRET!, stateSecret: oauthParts.SLACK_STATE_SECRET!, scopes };
    }
  }
  let slack: SlackConfig | undefined;
  if (botToken || signingSecret || appToken || oauthSet.length > 0) {
    if (!botToken && oauthSet.length === 0) problems.push('SLACK_BOT_TOKEN is missing: Slack needs the bot token (xoxb-…) when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for many workspaces)');
    else if (botToken && oauthSet.length > 0) problems.push('SLACK_BOT_TOKEN is set with SLACK_CLIENT_ID: one workspace uses the bot token, many use the OAuth flow; unset one of them');
    else if (botToken && !botToken.startsWith('xoxb-')) problems.push(`SLACK_BOT_TOKEN must be a bot token starting with "xoxb-", not one starting "${prefixOf(botToken ?? '')}"`);
    if (appToken && !appToken.startsWith('xapp-')) problems.push(`SLACK_APP_TOKEN must be an app-level token starting with "xapp-", not one starting "${prefixOf(appToken)}"`);
    if (!appToken && !signingSecret) problems.push('SLACK_SIGNING_SECRET is missing: HTTP mode needs it to verify requests (or set SLACK_APP_TOKEN for Socket Mode)');
    if (apiUrl) {
      if (!/^https?:\/\/[^\s]+$/.test(apiUrl)) problems.push(`SLACK_API_URL must be an http(s) URL, not "${apiUrl}"`);
      else if (!apiUrl.endsWith('/')) apiUrl = `${apiUrl}/`;
    }
    if (botToken || oauth) slack = { ...(botToken ? { botToken } : {}), ...(oauth ? { oauth } : {}), signingSecret, appToken, apiUrl, mode: appToken ? 'socket' : 'http' };
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const rateText = value('RATE_LIMIT_PER_MINUTE') ?? '20';
  const ratePerMinute = Number(rateText);
  if (!/^\d+$/.test(rateText)) problems.push(`RATE_LIMIT_PER_MINUTE must be a whole number of questions (0 for no limit), not "${rateText}"`);
  const retentionText = value('RETENTION_DAYS') ?? '90';
  const retentionDays = Number(retentionText);
  if (!/^\d+$/.test(retentionText) || retentionDays < 1) problems.push(`RETENTION_DAYS must be a whole number of days (1 or more), not "${retentionText}"`);
  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/db)');
  const advisorUserIds = (value('ADVISOR_USER_IDS') ?? '').split(/[\s,]+/).filter(Boolean);
  for (const id of advisorUserIds) if (!/^[UW][A-Z0-9]+$/.test(id)) problems.push(`ADVISOR_USER_IDS holds "${id}", which is not a Slack user id (U…)`);
  const advisorChannelId = value('ADVISOR_CHANNEL_ID');
  if (advisorChannelId && !/^[CG][A-Z0-9]+$/.test(advisorChannelId)) problems.push(`ADVISOR_CHANNEL_ID must be a Slack channel id (C…), not "${advisorChannelId}"`);
  const sessionSecret = value('SESSION_SECRET');
  if (sessionSecret && sessionSecret.length < 32) problems.push('SESSION_SECRET must be at least 32 characters (for example `openssl rand -hex 32`)');
  const ttlText = value('SESSION_TTL_HOURS') ?? '24';
  const sessionTtlHours = Number(ttlText);
  if (!/^\d+$/.test(ttlText) || sessionTtlHours < 1 || sessionTtlHours > 24 * 365) problems.push(`SESSION_TTL_HOURS must be a whole number of hours from 1 to 8760, not "${ttlText}"`);
  const perClientText = value('MAX_CONNECTIONS_PER_CLIENT') ?? '100';
  const connectionsPerClient = Number(perClientText);
  if (!/^\d+$/.test(perClientText)) problems.push(`MAX_CONNECTIONS_PER_CLIENT must be a whole number (0 for no cap), not "${perClientText}"`);
  const wholeNumber = (name: string, fallback: string): number => {
    const text = value(name) ?? fallback;
    if (!/^\d+$/.test(text)) problems.push(`${name} must be a whole number (0 for no limit), not "${text}"`);
    return Number(text);
  };
  const addressRatePerMinute = wholeNumber('ADDRESS_RATE_LIMIT_PER_MINUTE', '120');
  const sessionsPerMinute = wholeNumber('NEW_SESSIONS_PER_MINUTE', '30');
  const trustText = (value('TRUST_PROXY') ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(trustText)) problems.push(`TRUST_PROXY must be true or false, not "${trustText}"`);
  const trustProxy = ['true', '1', 'yes'].includes(trustText);
  const publicUrl = value('PUBLIC_URL')?.replace(/\/+$/, '');
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(publicUrl)) problems.push(`PUBLIC_URL must be the bot's address such as https://faq.example.org, not "${publicUrl}"`);
  const syncText = (value('SQLITE_SYNCHRONOUS') ?? 'NORMAL').toUpperCase();
  if (syncText !== 'NORMAL' && syncText !== 'FULL') problems.push(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, not "${value('SQLITE_SYNCHRONOUS')}"`);
  const contextText = value('CONTEXT_TTL_MINUTES') ?? '30';
  const contextTtlMinutes = Number(contextText);
  if (!/^\d+$/.test(contextText) || contextTtlMinutes < 1 || contextTtlMinutes > 24 * 60) problems.push(`CONTEXT_TTL_MINUTES must be a whole number of minutes from 1 to 1440, not "${contextText}"`);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host: value('HOST') ?? '0.0.0.0',
    logLevel,
    ratePerMinute,
    userKeySalt: value('USER_KEY_SALT'),
    dataDir: value('DATA_DIR') ?? './data',
    sqliteSynchronous: syncText === 'FULL' ? 'FULL' : 'NORMAL',
    ...(publicUrl ? { publicUrl } : {}),
    databaseUrl,
    retentionDays,
    advisorUserIds,
    advisorChannelId,
    sessionSecret,
    sessionTtlHours,
    contextTtlMinutes,
    connectionsPerClient,
    addressRatePerMinute,
    sessionsPerMinute,
    trustProxy,
    slack,
  };
}
