import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { Sessions } from '../../src/web/session.js';

const withCookie = (cookie: string) => ({ headers: { cookie } }) as unknown as IncomingMessage;

describe('web chat sessions', () => {
  it('a session lasts its TTL from its issue time, then the visitor gets a new one', () => {
    let now = Date.UTC(2026, 10, 26, 9);
    const sessions = new Sessions('s'.repeat(32), 24, () => now);
    const first = sessions.ensure(withCookie(''));
    expect(first.setCookie).toMatch(/Max-Age=86400/);
    const cookie = first.setCookie!.split(';')[0]!;
    now += 23 * 3_600_000;
    expect(sessions.ensure(withCookie(cookie))).toEqual({ id: first.id });
    now += 2 * 3_600_000;
    const later = sessions.ensure(withCookie(cookie));
    expect(later.id).not.toBe(first.id);
    expect(later.setCookie).toBeDefined();
  });

  it('the issue time is signed: a cookie whose time was moved forward is refused', () => {
    let now = Date.UTC(2026, 10, 26, 9);
    const sessions = new Sessions('s'.repeat(32), 1, () => now);
    const [id, issued, sig] = sessions.issue().cookie.split('.');
    now += 2 * 3_600_000;
    const moved = `faq_session=${id}.${now.toString(36)}.${sig}`;
    expect(sessions.read(withCookie(moved))).toBeNull();
    expect(sessions.read(withCookie(`faq_session=${id}.${issued}.${sig}`))).toBeNull();
  });

  it('cookies of the old form (no issue time), forged or from another secret are refused', () => {
    const a = new Sessions('a'.repeat(32));
    const b = new Sessions('b'.repeat(32));
    const { id, cookie } = a.issue();
    expect(a.read(withCookie(`faq_session=${cookie}`))).toBe(id);
    expect(b.read(withCookie(`faq_session=${cookie}`))).toBeNull();
    expect(a.read(withCookie(`faq_session=${id}.${cookie.split('.')[2]}`))).toBeNull();
    expect(a.read(withCookie('faq_session=..'))).toBeNull();
  });
});
