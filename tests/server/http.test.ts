import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createHttpServer, SERVER_LIMITS } from '../../src/server/http.js';
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

  it('a path that starts with "//" is a path, never a host: "//evil.example/healthz" is not /healthz', async () => {
    const { request: raw } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = raw({ host: '127.0.0.1', port: h.app.port, path: '//evil.example/healthz', method: 'GET' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(404);
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

  it('a chunked web message over the limit gets 413 and the process stays up (the socket was once gone by then)', async () => {
    const big = JSON.stringify({ type: 'message', text: 'a'.repeat(17_000) });
    const status = await new Promise<number>((resolve) => {
      const req = request(`${h.app.url}api/messages`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(-1));
      req.end(big);
    });
    expect([413, -1]).toContain(status);
    await new Promise((done) => setTimeout(done, 100));
    expect((await fetch(`${h.app.url}healthz`)).status).toBe(200);
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

describe('connections per client', () => {
  it('one address holding its cap of slow connections gets no more; once they close, it is served again', async () => {
    const server = createHttpServer([], () => undefined, 3);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    const closed = new Set<Socket>();
    const open = (): Promise<Socket> =>
      new Promise((resolve) => {
        const s = connect(port, '127.0.0.1', () => resolve(s));
        s.on('error', () => undefined);
        s.once('close', () => closed.add(s));
      });
    const slow = await Promise.all([open(), open(), open()]);
    // Headers that never end: the server waits for them (up to its headers timeout).
    for (const s of slow) s.write('POST /x HTTP/1.1\r\nHost: x\r\n');
    const held = () => new Promise<number>((r) => server.getConnections((_e, n) => r(n)));
    for (let i = 0; i < 40 && (await held()) < 3; i++) await new Promise((r) => setTimeout(r, 25));
    const extra = await open();
    for (let i = 0; i < 40 && !closed.has(extra); i++) await new Promise((r) => setTimeout(r, 50));
    expect(closed.has(extra)).toBe(true);
    expect(slow.some((s) => closed.has(s))).toBe(false);
    for (const s of slow) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    server.closeAllConnections();
    await new Promise((r) => server.close(() => r(undefined)));
  });
});
