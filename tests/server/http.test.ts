import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_LIMITS } from '../../src/server/http.js';
import { startWebHarness, type WebHarness } from '../support/web-app.js';

let h: WebHarness;
beforeAll(async () => {
  h = await startWebHarness();
});
afterAll(async () => h.close());

describe('HTTP hygiene', () => {
  it('every JSON response says nosniff and no-store: answers, refusals, 404s and 405s', async () => {
    const answers = await fetch(`${h.app.url}api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message","text":"hi"}' });
    const refused = await fetch(`${h.app.url}api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    const missing = await fetch(`${h.app.url}nothing-here`);
    const wrong = await fetch(`${h.app.url}api/messages`);
    const health = await fetch(`${h.app.url}healthz`);
    for (const [name, res] of Object.entries({ answers, refused, missing, wrong, health })) {
      expect(res.headers.get('content-type'), name).toContain('application/json');
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(res.headers.get('cache-control'), name).toBe('no-store');
    }
    expect([answers.status, refused.status, missing.status, wrong.status, health.status]).toEqual([200, 400, 404, 405, 200]);
  });

  it('a known path asked with the wrong method gets 405 with Allow', async () => {
    const get = await fetch(`${h.app.url}api/messages`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const post = await fetch(`${h.app.url}healthz`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('a web message declaring a huge body gets 413 and the connection is closed, not drained', async () => {
    const r = await new Promise<{ status: number; connection?: string }>((resolve, reject) => {
      const req = request(`${h.app.url}api/messages`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': String(1024 * 1024 * 1024) } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      });
      req.on('error', reject);
      req.write('{"type":"message","text":"');
    });
    expect(r).toEqual({ status: 413, connection: 'close' });
  });

  it('the server cuts off slow clients and caps open connections', () => {
    const s = h.app.server;
    expect(s.headersTimeout).toBe(SERVER_LIMITS.headersTimeoutMs);
    expect(s.requestTimeout).toBe(SERVER_LIMITS.requestTimeoutMs);
    expect(s.keepAliveTimeout).toBe(SERVER_LIMITS.keepAliveTimeoutMs);
    expect(s.maxConnections).toBe(SERVER_LIMITS.maxConnections);
    expect(SERVER_LIMITS).toMatchObject({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
  });
});
