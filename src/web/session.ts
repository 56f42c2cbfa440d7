import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'faq_session';

/**
 * Chat identity the server owns: an unguessable id in a signed, HttpOnly, SameSite=Strict cookie.
 * The web chat never trusts a `user` the browser sends; every message is bound to this id.
 */
export class Sessions {
  private readonly secret: Buffer;

  constructor(secret?: string) {
    this.secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  private sign(id: string): string {
    return createHmac('sha256', this.secret).update(id).digest('base64url');
  }

  /** A new session id and the cookie value that carries it. */
  issue(): { id: string; cookie: string } {
    const id = randomBytes(18).toString('base64url');
    return { id, cookie: `${id}.${this.sign(id)}` };
  }

  /** The session id of a request's cookie, or null when it is missing or its signature is wrong. */
  read(req: IncomingMessage): string | null {
    const header = req.headers.cookie ?? '';
    const raw = header
      .split(';')
      .map((p) => p.trim())
      .find((p) => p.startsWith(`${SESSION_COOKIE}=`))
      ?.slice(SESSION_COOKIE.length + 1);
    if (!raw) return null;
    const [id, sig] = raw.split('.');
    if (!id || !sig || !/^[A-Za-z0-9_-]{24}$/.test(id)) return null;
    const expected = Buffer.from(this.sign(id));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
  }

  /** The session of a request, issuing one (with its Set-Cookie header) when it has none. */
  ensure(req: IncomingMessage): { id: string; setCookie?: string } {
    const id = this.read(req);
    if (id) return { id };
    const fresh = this.issue();
    const secure = req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
    return { id: fresh.id, setCookie: `${SESSION_COOKIE}=${fresh.cookie}; Path=/; HttpOnly; SameSite=Strict; Max-Age=86400${secure}` };
  }
}
