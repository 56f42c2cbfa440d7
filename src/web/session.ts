import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'faq_session';

/** How long a web chat session lasts unless SESSION_TTL_HOURS says otherwise. */
export const DEFAULT_SESSION_TTL_HOURS = 24;

/**
 * Chat identity the server owns: an unguessable id and its issue time in a signed, HttpOnly,
 * SameSite=Strict cookie. The web chat never trusts a `user` the browser sends; every message is
 * bound to this id. A session ends `ttlHours` after it was issued, whatever the cookie's own
 * expiry says (a copied cookie stops working on the server too).
 */
export class Sessions {
  private readonly secret: Buffer;
  private readonly ttlMs: number;

  constructor(
    secret?: string,
    ttlHours: number = DEFAULT_SESSION_TTL_HOURS,
    private readonly now: () => number = Date.now,
    /** The cookie's name: the chat's, or the advisor dashboard's. */
    readonly cookieName: string = SESSION_COOKIE,
  ) {
    this.secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
    this.ttlMs = ttlHours * 3_600_000;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  /** A new session id and the cookie value that carries it with its issue time. */
  issue(): { id: string; cookie: string } {
    const id = randomBytes(18).toString('base64url');
    const payload = `${id}.${this.now().toString(36)}`;
    return { id, cookie: `${payload}.${this.sign(payload)}` };
  }

  /** The session id of a request's cookie, or null when it is missing, forged or expired. */
  read(req: IncomingMessage): string | null {
    const header = req.headers.cookie ?? '';
    const raw = header
      .split(';')
      .map((p) => p.trim())
      .find((p) => p.startsWith(`${this.cookieName}=`))
      ?.slice(this.cookieName.length + 1);
    if (!raw) return null;
    const [id, issued, sig] = raw.split('.');
    if (!id || !issued || !sig || !/^[A-Za-z0-9_-]{24}$/.test(id) || !/^[0-9a-z]{1,11}$/.test(issued)) return null;
    const expected = Buffer.from(this.sign(`${id}.${issued}`));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const age = this.now() - parseInt(issued, 36);
    return age >= 0 && age < this.ttlMs ? id : null;
  }

  /** A Set-Cookie header for `value` (HttpOnly, SameSite=Strict, Secure behind https); `maxAge` 0 deletes it. */
  cookieHeader(value: string, req: IncomingMessage, maxAge: number = Math.floor(this.ttlMs / 1000)): string {
    const secure = req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
    return `${this.cookieName}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
  }

  /** A token bound to a session (the dashboard's forms carry it): only pages served to that session know it. */
  proof(id: string): string {
    return this.sign(`csrf:${id}`);
  }

  /** The session of a request, issuing one (with its Set-Cookie header) when it has none. */
  ensure(req: IncomingMessage): { id: string; setCookie?: string } {
    const id = this.read(req);
    if (id) return { id };
    const fresh = this.issue();
    return { id: fresh.id, setCookie: this.cookieHeader(fresh.cookie, req) };
  }
}
