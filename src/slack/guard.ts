import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { closeAfterAnswer, closeIfBodyUnread, sendJson } from '../server/http.js';
import type { Logger } from '../log/logger.js';

/** Limits of what reaches Bolt's receiver. */
export const SLACK_LIMITS = Object.freeze({
  /** Slack's largest payloads (a view submission, a message with blocks) stay well under this. */
  bodyBytes: 512 * 1024,
  /** How far a request's timestamp may be from now, either way (Slack's own rule is 5 minutes). */
  clockSkewSeconds: 5 * 60,
  /** An unsigned form body may only be Slack's `ssl_check=1&token=…`, which is short. */
  sslCheckBytes: 256,
});

/** Where Slack sends `response_url`s: only these get the bot's replies. */
const SLACK_RESPONSE_HOSTS = new Set(['hooks.slack.com', 'hooks.slack-gov.com']);

const TYPES = new Set(['application/json', 'application/x-www-form-urlencoded']);

export interface SlackGuardOptions {
  readonly signingSecret: string;
  /** SLACK_API_URL when set (a proxy, or the tests' fake Slack): its host may carry response_urls too. */
  readonly apiUrl?: string;
  readonly logger: Logger;
  readonly now?: () => number;
}

/** A request turned away before Bolt sees it; `close`: part of its body was left unread. */
class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly close = false,
  ) {
    super(message);
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** Reads at most `limit` bytes; past it, stops reading and refuses (the connection is closed, not drained). */
async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Refused(413, `the body is larger than ${limit} bytes`, true);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The parsed body as Bolt will see it; refuses anything that is not an object. */
export function parseSlackBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType === 'application/json') {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new Refused(400, 'the body is not valid JSON');
    }
    if (!isObject(body)) throw new Refused(400, 'the body must be a JSON object');
    return body;
  }
  // Parsed as Bolt parses it (querystring), and a field given twice is refused: Bolt would pass
  // both on as a list, so a second response_url could ride past the check on the first.
  const parsed = parseQuery(raw);
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') throw new Refused(400, `the field "${key.slice(0, 40)}" is given more than once`);
    fields[key] = value;
  }
  if (fields.payload === undefined) return fields;
  let payload: unknown;
  try {
    payload = JSON.parse(fields.payload);
  } catch {
    throw new Refused(400, '"payload" is not valid JSON');
  }
  if (!isObject(payload)) throw new Refused(400, '"payload" must be a JSON object');
  return payload;
}

/** Event fields Slack always sends as text (`channel` and `user` are objects in some events). */
const EVENT_TEXT_FIELDS = ['channel', 'user', 'ts', 'thread_ts', 'text', 'channel_type', 'subtype', 'bot_id', 'event_ts', 'team', 'tab'];
const OBJECT_OR_TEXT = new Set(['channel', 'user']);
const INTERACTIVE = new Set(['block_actions', 'message_action', 'shortcut', 'view_submission', 'view_closed', 'block_suggestion']);

/**
 * Refuses payloads of a known type missing what Bolt reads without checking (an event that is
 * not an object, an action without its user or its list of actions, a view submission without
 * its view): Bolt would fail on them after the ack, in code of its own.
 */
export function checkShape(body: Record<string, unknown>): void {
  const type = body.type;
  if (type === 'event_callback') {
    const event = body.event;
    if (!(isObject(event) && typeof event.type === 'string')) throw new Refused(400, 'an event_callback needs an "event" object with a "type"');
    for (const key of EVENT_TEXT_FIELDS) {
      const v = event[key];
      const allowed = v === undefined || (typeof v === 'string' && (v !== '' || key === 'text')) || (OBJECT_OR_TEXT.has(key) && isObject(v));
      if (!allowed) throw new Refused(400, `the event's "${key}" must be text`);
    }
    // Bolt's assistant support reads the thread of these events before any listener runs.
    if (event.type.startsWith('assistant_thread')) {
      const t = event.assistant_thread;
      if (!isObject(t) || typeof t.channel_id !== 'string' || !t.channel_id || typeof t.thread_ts !== 'string' || !t.thread_ts) throw new Refused(400, `an ${event.type} event needs its "assistant_thread" (channel_id, thread_ts)`);
    }
  }
  if (typeof type !== 'string' || !INTERACTIVE.has(type)) return;
  if (!isObject(body.user) || typeof body.user.id !== 'string') throw new Refused(400, `a ${type} payload needs a "user" with an "id"`);
  if (type === 'block_actions' && !(Array.isArray(body.actions) && body.actions.length > 0 && body.actions.every((a) => isObject(a) && typeof a.action_id === 'string'))) {
    throw new Refused(400, 'block_actions needs a list of "actions", each with an "action_id"');
  }
  if ((type === 'view_submission' || type === 'view_closed') && !isObject(body.view)) throw new Refused(400, `a ${type} payload needs a "view" object`);
}

/** Every `response_url` a payload names (commands, block actions, view submissions' `response_urls`). */
export function responseUrls(value: unknown, depth = 0): string[] {
  if (depth > 6 || typeof value !== 'object' || value === null) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (k === 'response_url' && typeof v === 'string') out.push(v);
    else if (typeof v === 'object') out.push(...responseUrls(v, depth + 1));
  }
  return out;
}

/** Whether the bot may post to a response_url: https on Slack's hooks hosts, or SLACK_API_URL's own origin. */
export function allowedResponseUrl(url: string, apiUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:' && SLACK_RESPONSE_HOSTS.has(parsed.hostname)) return true;
  if (!apiUrl) return false;
  const api = new URL(apiUrl);
  return parsed.protocol === api.protocol && parsed.host === api.host;
}

function verifySignature(secret: string, timestamp: string, raw: Buffer, signature: string): boolean {
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(raw).digest('hex')}`);
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Stands in front of Bolt's HTTP receiver, which buffers up to 4 MB before checking anything and
 * throws (ending the process) on a signed body that is not an object. Checks, in order: content
 * type, declared length, the signature headers and a timestamp within five minutes either way,
 * all before reading a byte; then reads at most the limit, verifies the signature, parses, refuses
 * non-object bodies and response_urls outside Slack; then hands Bolt the body it has read.
 */
export function guardSlackRequests(options: SlackGuardOptions, next: (req: IncomingMessage, res: ServerResponse) => unknown): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const now = options.now ?? Date.now;
  const check = async (req: IncomingMessage): Promise<Buffer> => {
    const type = header(req, 'content-type') ?? '';
    if (!TYPES.has(type)) throw new Refused(415, 'Slack sends application/json or application/x-www-form-urlencoded');
    const declared = header(req, 'content-length');
    if (declared !== undefined && !(Number(declared) <= SLACK_LIMITS.bodyBytes)) throw new Refused(413, `the body is larger than ${SLACK_LIMITS.bodyBytes} bytes`, true);
    const signature = header(req, 'x-slack-signature');
    const timestamp = header(req, 'x-slack-request-timestamp');
    if (!signature || !timestamp) {
      // Slack's ssl_check may come unsigned; Bolt answers it and drops anything else in the body.
      const small = declared !== undefined && Number(declared) <= SLACK_LIMITS.sslCheckBytes;
      if (type !== 'application/x-www-form-urlencoded' || !small) throw new Refused(401, 'the request is not signed');
      const raw = await readLimited(req, SLACK_LIMITS.sslCheckBytes);
      if (new URLSearchParams(raw.toString('utf8')).get('ssl_check') !== '1') throw new Refused(401, 'the request is not signed');
      return raw;
    }
    const skew = Math.abs(Math.floor(now() / 1000) - Number(timestamp));
    if (!/^\d{1,12}$/.test(timestamp) || !(skew <= SLACK_LIMITS.clockSkewSeconds)) throw new Refused(401, 'the request timestamp is more than five minutes from now');
    const raw = await readLimited(req, SLACK_LIMITS.bodyBytes);
    if (!verifySignature(options.signingSecret, timestamp, raw, signature)) throw new Refused(401, 'the signature does not match');
    const body = parseSlackBody(raw.toString('utf8'), type);
    checkShape(body);
    const foreign = responseUrls(body).find((u) => !allowedResponseUrl(u, options.apiUrl));
    if (foreign !== undefined) throw new Refused(400, 'a response_url points outside Slack');
    return raw;
  };
  return async (req, res) => {
    let raw: Buffer;
    try {
      raw = await check(req);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      options.logger.warn({ status: error.status }, `Slack request refused: ${error.message}`);
      (error.close ? closeAfterAnswer : closeIfBodyUnread)(req, res);
      sendJson(res, error.status, { error: error.message });
      return;
    }
    await next(Object.assign(req, { rawBody: raw }), res);
  };
}
