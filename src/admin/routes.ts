import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { PROJECT_ROOT } from '../app/knowledge.js';
import type { Engine } from '../engine/engine.js';
import type { EditResult } from '../kb/edit.js';
import type { Logger } from '../log/logger.js';
import { closeAfterAnswer, closeIfBodyUnread, type Route } from '../server/http.js';
import type { Store } from '../store/types.js';
import type { Sessions } from '../web/session.js';
import { buildOverview, CHANNELS, gapKey, PERIODS, readOverviewData, type Channel } from './overview.js';
import { confirmSignInPage, overviewPage, signInPage } from './render.js';
import type { SignInLinks } from './links.js';
import { exportCsv } from './export.js';

/** What the dashboard's routes need. */
export interface AdminDeps {
  readonly store: Store;
  readonly links: SignInLinks;
  /** The dashboard's own sessions (cookie `faq_admin`, 8 hours). */
  readonly sessions: Sessions;
  readonly engine: () => Engine;
  /** Adds an utterance through the same validated edit path as Slack triage; absent: not offered. */
  readonly addUtterance?: (intentId: string, utterance: string) => EditResult;
  readonly logger: Logger;
  readonly maxAgeDays: number;
  readonly now?: () => number;
}

const FORM_BYTES = 64 * 1024;
const SESSION_KEY = (id: string) => `admin:session:${id}`;
const HANDLED_MS = 365 * 86_400_000;
/** A question that still holds a redaction placeholder is no example to learn from. */
const REDACTED = /\[(SSN|DATE|PHONE|NAME|EMAIL|ID|withheld[^\]]*)\]/;
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

function send(res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...HEADERS, ...extra });
  res.end(html);
}

function redirect(res: ServerResponse, location: string, extra: Record<string, string> = {}): void {
  res.writeHead(303, { location, 'cache-control': 'no-store', ...extra });
  res.end();
}

/** A form body (application/x-www-form-urlencoded), read to a limit. */
async function readForm(req: IncomingMessage, res: ServerResponse): Promise<URLSearchParams | null> {
  if ((req.headers['content-type'] ?? '').split(';')[0]!.trim() !== 'application/x-www-form-urlencoded') {
    closeIfBodyUnread(req, res);
    send(res, 415, signInPage('The dashboard takes forms only.'));
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > FORM_BYTES) {
      closeAfterAnswer(req, res);
      send(res, 413, signInPage('That form was too large.'));
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The period and channel a dashboard request asks for (30 days, all channels unless it says otherwise). */
function viewOf(req: IncomingMessage): { days: number; channel: Channel } {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  return { days: periodOf(params.get('days')), channel: channelOf(params.get('channel')) };
}

const periodOf = (v: string | null): number => (PERIODS as readonly number[]).includes(Number(v)) ? Number(v) : 30;
const channelOf = (v: string | null): Channel => ((CHANNELS as readonly string[]).includes(v ?? '') ? (v as Channel) : 'all');
/** Text with no half of an emoji left alone (a cut at 60 characters can split one). */
const wellFormed = (text: string): string => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

const sameToken = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The advisor dashboard: `/admin/login?token=` (a one-time link) sets a signed session cookie;
 * `/admin` (the overview), `/admin/add` (questions into an intent), `/admin/export.csv` and
 * `/admin/logout` answer 401 with no data at all without it; every form carries a CSRF token
 * bound to the session.
 */
export function adminRoutes(deps: AdminDeps): Route[] {
  const now = deps.now ?? Date.now;
  const css = readFileSync(join(PROJECT_ROOT, 'src', 'admin', 'admin.css'));

  /** The signed-in advisor of a request, or null (then the caller answers 401). */
  const whoIs = async (req: IncomingMessage): Promise<{ id: string; who: string } | null> => {
    const id = deps.sessions.read(req);
    if (!id) return null;
    const who = await deps.store.getState(SESSION_KEY(id));
    return who === null ? null : { id, who };
  };
  const refuse = (res: ServerResponse, reason?: string) => send(res, 401, signInPage(reason));
  const form = async (req: IncomingMessage, res: ServerResponse): Promise<{ session: { id: string; who: string }; body: URLSearchParams } | null> => {
    const session = await whoIs(req);
    if (!session) {
      closeIfBodyUnread(req, res);
      refuse(res);
      return null;
    }
    const body = await readForm(req, res);
    if (!body) return null;
    if (!sameToken(body.get('csrf') ?? '', deps.sessions.proof(session.id))) {
      deps.logger.warn('a dashboard form without its CSRF token was refused');
      send(res, 403, signInPage('That form did not come from this dashboard (its CSRF token is missing or wrong). Reload the page and try again.'));
      return null;
    }
    return { session, body };
  };

  return [
    {
      method: 'GET',
      path: '/static/admin.css',
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
        res.end(css);
      },
    },
    {
      method: 'GET',
      path: '/admin/login',
      handler: (req, res) => {
        const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
        if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return refuse(res, 'That sign-in link is unknown or expired. Ask for a new one.');
        send(res, 200, confirmSignInPage(token));
      },
    },
    {
      method: 'POST',
      path: '/admin/login',
      handler: async (req, res) => {
        const body = await readForm(req, res);
        if (!body) return;
        const token = body.get('token') ?? '';
        const redeemed = await deps.links.redeem(token);
        if ('refused' in redeemed) {
          deps.logger.warn({ reason: redeemed.refused }, 'a dashboard sign-in link was refused');
          return refuse(res, `That sign-in link is ${redeemed.refused}. Ask for a new one.`);
        }
        const fresh = deps.sessions.issue();
        await deps.store.setState(SESSION_KEY(fresh.id), redeemed.who, now() + 8 * 3_600_000);
        deps.logger.info({ who: redeemed.who }, 'an advisor signed in to the dashboard');
        redirect(res, '/admin', { 'set-cookie': deps.sessions.cookieHeader(fresh.cookie, req) });
      },
    },
    {
      method: 'GET',
      path: '/admin',
      handler: async (req, res) => {
        const session = await whoIs(req);
        if (!session) return refuse(res);
        const { days, channel } = viewOf(req);
        const engine = deps.engine();
        const at = now();
        const data = await readOverviewData(deps.store, at, days, channel);
        const built = buildOverview(data, engine, { now: at, days, channel, maxAgeDays: deps.maxAgeDays });
        // A group an advisor already added to an intent shows as handled: left out of the list.
        const open = [];
        for (const g of built.gaps) if (open.length < 10 && !(await deps.store.getState(`admin:handled:${g.key}`))) open.push(g);
        const overview = { ...built, gaps: open };
        const topics = engine.topics().filter((t) => !engine.kb.intents.find((i) => i.id === t.intent)?.smallTalk);
        const message = (await deps.store.getState(`admin:flash:${session.id}`)) ?? undefined;
        if (message) await deps.store.deleteState(`admin:flash:${session.id}`);
        send(res, 200, overviewPage(overview, { csrf: deps.sessions.proof(session.id), who: session.who, topics, audit: await deps.store.auditLog(20), canEdit: deps.addUtterance !== undefined, ...(message ? { message } : {}) }));
      },
    },
    {
      method: 'POST',
      path: '/admin/add',
      handler: async (req, res) => {
        const got = await form(req, res);
        if (!got) return;
        const { session, body } = got;
        // The outcome is shown once on the next page, kept for this session: never a text a link could carry.
        const back = async (message: string) => {
          await deps.store.setState(`admin:flash:${session.id}`, wellFormed(message).slice(0, 600), now() + 60_000);
          redirect(res, `/admin?days=${periodOf(body.get('days'))}&channel=${channelOf(body.get('channel'))}`);
        };
        const intent = body.get('intent') ?? '';
        const questions = [...new Set(body.getAll('question').map((q) => q.replace(/\s+/g, ' ').trim()).filter(Boolean))].slice(0, 5);
        if (!deps.addUtterance) return void (await back('Adding questions is not available here (the knowledge base is read-only).'));
        if (!deps.engine().has(intent)) return void (await back(`There is no topic "${intent.slice(0, 60)}".`));
        const added: string[] = [];
        const refused: string[] = [];
        for (const q of questions) {
          if (REDACTED.test(q)) {
            refused.push(`"${q.slice(0, 60)}" still holds a redaction placeholder`);
            continue;
          }
          const result = deps.addUtterance(intent, q);
          if (result.ok) added.push(q);
          else refused.push(`"${q.slice(0, 60)}": ${result.error}`);
        }
        if (added.length > 0) {
          await deps.store.audit({ at: now(), who: session.who, action: `added ${added.length} question${added.length === 1 ? '' : 's'} to ${intent}`, detail: added.join(' | ').slice(0, 500) });
          await deps.store.setState(`admin:handled:${gapKey(body.get('group') ?? added[0]!)}`, intent, now() + HANDLED_MS);
        }
        await back(`${added.length > 0 ? `Added ${added.length} to ${intent}.` : 'Nothing added.'}${refused.length > 0 ? ` Refused: ${refused.join('; ')}.` : ''}`);
      },
    },
    {
      method: 'GET',
      path: '/admin/export.csv',
      handler: async (req, res) => {
        const session = await whoIs(req);
        if (!session) return refuse(res);
        const { days, channel } = viewOf(req);
        const rows = (await deps.store.since(now() - days * 86_400_000)).filter((r) => channel === 'all' || r.channel === channel);
        res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="questions-${days}d-${channel}.csv"`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        res.end(exportCsv(rows));
      },
    },
    {
      method: 'POST',
      path: '/admin/logout',
      handler: async (req, res) => {
        const got = await form(req, res);
        if (!got) return;
        await deps.store.deleteState(SESSION_KEY(got.session.id));
        redirect(res, '/admin', { 'set-cookie': deps.sessions.cookieHeader('', req, 0) });
      },
    },
  ];
}
