import { pino, type DestinationStream, type Logger as Pino } from 'pino';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

export type Logger = Pino;
export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Paths pino blanks in every record, wherever a secret could ride along. */
const REDACT = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers["x-slack-signature"]',
];

/** Secrets as they appear inside free text (error messages, URLs). */
const SECRET_PATTERN = /\b(xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)\b/g;

/** Web chat session ids as they can appear in text: the cookie, and the `web-<id>` user of a turn. */
const SESSION_PATTERN = /\b(faq_session=)[^;\s"']+|\bweb-[A-Za-z0-9_-]{24}\b/g;

/** Replaces anything shaped like a Slack token or a web chat session id in a string. */
export function scrubSecrets(text: string): string {
  return text
    .replace(SECRET_PATTERN, (t) => `${t.slice(0, 5)}[redacted]`)
    .replace(SESSION_PATTERN, (_t, cookie: string | undefined) => (cookie ? `${cookie}[session]` : 'web-[session]'));
}

/** The app's structured logger: JSON lines on stderr (stdout stays for program output), secrets redacted. */
export function createLogger(level: Level = 'info', destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)) as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (e: Error) => ({
          type: e.name,
          message: scrubSecrets(String(e.message)),
          code: (e as { code?: string }).code,
        }),
      },
    },
    destination as DestinationStream,
  );
}

const BOLT_LEVELS: Record<string, LogLevel> = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR };

/** Bolt's Logger interface over pino, so Bolt's own messages are structured and redacted too. */
export function boltLogger(logger: Logger, onError?: () => void): BoltLogger {
  let child = logger.child({ component: 'bolt' });
  const text = (msgs: unknown[]): string => scrubSecrets(msgs.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' '));
  return {
    debug: (...m: unknown[]) => child.debug(text(m)),
    info: (...m: unknown[]) => child.info(text(m)),
    warn: (...m: unknown[]) => child.warn(text(m)),
    error: (...m: unknown[]) => {
      onError?.();
      child.error(text(m));
    },
    setLevel: () => undefined,
    getLevel: () => BOLT_LEVELS[logger.level] ?? LogLevel.INFO,
    setName: (name: string) => {
      child = logger.child({ component: name });
    },
  };
}
