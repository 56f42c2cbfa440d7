import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROJECT_ROOT } from '../app/knowledge.js';
import { closeAfterAnswer, closeIfBodyUnread, sendJson, type Route } from '../server/http.js';
import type { WebBot, WebTurn } from './bot.js';
import type { Sessions } from './session.js';
import type { ConversationService } from '../app/conversation.js';
import type { RateLimiter } from '../app/rate-limit.js';
import { clientAddress } from '../server/client-address.js';
import type { KnowledgeBase, Notices } from '../engine/types.js';
import { careerList } from '../engine/template.js';
import { careersOf } from '../engine/careers.js';
import { esc } from '../server/html.js';
import { buildWebText } from './render-web.js';

/** Limits of the web chat's input. */
export const WEB_LIMITS = Object.freeze({ bodyBytes: 16 * 1024, textChars: 2000 });

const PUBLIC_DIR = join(PROJECT_ROOT, 'src', 'web', 'public');
const ASSETS: Record<string, string> = {
  '/': 'index.html',
  '/static/chat.js': 'chat.js',
  '/static/chat.css': 'chat.css',
};
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Part of the body is left unread: close the connection after answering. */
    readonly close = false,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    throw new BadRequest(415, 'send the message as JSON (content-type: application/json)');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (!(declared <= WEB_LIMITS.bodyBytes)) throw new BadRequest(413, `the message is larger than ${WEB_LIMITS.bodyBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > WEB_LIMITS.bodyBytes) throw new BadRequest(413, `the message is larger than ${WEB_LIMITS.bodyBytes} bytes`, true);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest(400, 'the body is not valid JSON; send {"type":"message","text":"…"}');
  }
}

/** Checks a posted message's shape; the `user` it may carry is ignored (the session decides who is talking). */
export function parseTurn(body: unknown, user: string): WebTurn {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new BadRequest(400, 'send a JSON object: {"type":"message","text":"…"}');
  const b = body as Record<string, unknown>;
  const type = b.type ?? 'message';
  if (type !== 'message' && type !== 'feedback') throw new BadRequest(400, '"type" must be "message" or "feedback"');
  const text = b.text ?? '';
  if (typeof text !== 'string') throw new BadRequest(400, '"text" must be a string');
  if (text.length > WEB_LIMITS.textChars) throw new BadRequest(413, `"text" is longer than ${WEB_LIMITS.textChars} characters`);
  const topic = typeof b.topic === 'string' && b.topic.length <= 100 ? b.topic : undefined;
  if (type === 'feedback') {
    if (typeof b.intent !== 'string' || typeof b.helpful !== 'boolean') throw new BadRequest(400, 'feedback needs "intent" (string) and "helpful" (true or false)');
    const record = typeof b.record === 'string' && /^[0-9a-f-]{36}$/.test(b.record) ? b.record : undefined;
    return { type, user, text: '', intent: b.intent.slice(0, 100), helpful: b.helpful, ...(record ? { record } : {}) };
  }
  return { type, user, text, ...(topic ? { topic } : {}) };
}

/** A static asset; the page's `{{careers}}` names the careers covered now (an imported career appears after the reload). */
function serveAsset(file: string, sessions: Sessions, careers: () => string) {
  const raw = readFileSync(join(PUBLIC_DIR, file));
  const type = TYPES[file.split('.').pop()!]!;
  const templated = raw.includes('{{careers}}');
  return (req: IncomingMessage, res: ServerResponse): void => {
    const body = templated ? Buffer.from(raw.toString('utf8').replaceAll('{{careers}}', esc(careers()))) : raw;
    const session = file === 'index.html' ? sessions.ensure(req) : undefined;
    res.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': file === 'index.html' ? 'no-store' : 'public, max-age=300',
      ...SECURITY_HEADERS,
      ...(session?.setCookie ? { 'set-cookie': session.setCookie } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** The web chat's routes: the page, its assets, and POST /api/messages (Botkit's web adapter, webhook mode). */
/** Limits per client address, beside each person's own: a cookie-less flood is refused, a visitor never notices. */
export interface AddressLimits {
  /** Questions one address may send a minute (over it: 429). */
  readonly questions: RateLimiter;
  /** Web sessions one address may start a minute (a client dropping its cookie starts one each time). */
  readonly sessions: RateLimiter;
  readonly trustProxy: boolean;
}

export function webRoutes(bot: WebBot, sessions: Sessions, conversations: ConversationService, kb: () => Pick<KnowledgeBase, 'notices' | 'knowledge'>, limits?: AddressLimits): Route[] {
  const notices = (): Notices => kb().notices;
  const assets = Object.entries(ASSETS).map(([path, file]) => ({ method: 'GET', path, handler: serveAsset(file, sessions, () => careerList(careersOf(kb().knowledge))) }));
  const messages: Route = {
    method: 'POST',
    path: '/api/messages',
    handler: async (req, res) => {
      const session = sessions.ensure(req);
      if (limits) {
        const address = clientAddress(req, limits.trustProxy);
        const over = (await limits.questions.check(`addr:${address}`)) !== 'answer' || (session.setCookie !== undefined && (await limits.sessions.check(`new-session:${address}`)) !== 'answer');
        if (over) {
          closeIfBodyUnread(req, res);
          sendJson(res, 429, { error: notices().rateLimited }, { 'retry-after': '60' });
          return;
        }
      }
      if (session.setCookie) res.setHeader('set-cookie', session.setCookie);
      let turn: WebTurn;
      try {
        turn = parseTurn(await readJson(req), `web-${session.id}`);
      } catch (error) {
        if (error instanceof BadRequest) {
          (error.close ? closeAfterAnswer : closeIfBodyUnread)(req, res);
          sendJson(res, error.status, { error: error.message });
          return;
        }
        throw error;
      }
      if (turn.type === 'message') {
        const verdict = await conversations.admit(turn.user);
        if (verdict === 'notice') {
          sendJson(res, 200, [buildWebText(notices().rateLimited)]);
          return;
        }
        if (verdict === 'drop') {
          sendJson(res, 429, { error: notices().rateLimited });
          return;
        }
      }
      await bot.handle(turn, req, res);
    },
  };
  return [...assets, messages];
}
