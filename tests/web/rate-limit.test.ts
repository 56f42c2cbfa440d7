import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHarness, Visitor, type WebHarness } from '../support/web-app.js';

let h: WebHarness;
beforeAll(async () => {
  h = await startWebHarness(2);
});
afterAll(async () => h.close());

describe('web chat rate limit (per session)', () => {
  it('answers up to the limit, then one polite notice, then 429 with the same words', async () => {
    const v = new Visitor(h.app.url);
    expect((await v.say('salary'))[0].intent).toBe('salary');
    expect((await v.say('salary'))[0].intent).toBe('salary');
    const [notice] = await v.say('salary');
    expect(notice.text).toContain('faster than I can keep up');
    const r = await v.post({ type: 'message', text: 'salary' });
    expect(r.status).toBe(429);
    expect(r.json.error).toContain('faster than I can keep up');
    expect((await new Visitor(h.app.url).say('salary'))[0].intent).toBe('salary');
  });
});

describe('limits per client address', () => {
  it('a client that drops its cookie is limited after NEW_SESSIONS_PER_MINUTE new sessions: 429 with Retry-After', async () => {
    const flood = await startWebHarness(1000, undefined, { addressRatePerMinute: 1000, sessionsPerMinute: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await new Visitor(flood.app.url).post({ type: 'message', text: 'salary' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    // The refusal says when to come back.
    const res = await fetch(`${flood.app.url}api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message","text":"hi"}' });
    expect(res.headers.get('retry-after')).toBe('60');
    await flood.close();
  });

  it('questions from one address are limited, whatever sessions they come in', async () => {
    const busy = await startWebHarness(1000, undefined, { addressRatePerMinute: 3, sessionsPerMinute: 0 });
    const v = new Visitor(busy.app.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await v.post({ type: 'message', text: 'salary' })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    await busy.close();
  });

  it('behind a trusted proxy the address is the last one in X-Forwarded-For, so clients behind it are told apart', async () => {
    const proxied = await startWebHarness(1000, undefined, { addressRatePerMinute: 2, sessionsPerMinute: 0, trustProxy: true });
    const ask = (forwarded: string) =>
      fetch(`${proxied.app.url}api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded }, body: '{"type":"message","text":"salary"}' }).then((r) => r.status);
    expect([await ask('10.9.9.9, 203.0.113.5'), await ask('1.1.1.1, 203.0.113.5'), await ask('203.0.113.5')]).toEqual([200, 200, 429]);
    expect(await ask('203.0.113.6')).toBe(200);
    expect(await ask(`${'9'.repeat(10_000)}, 203.0.113.7`)).toBe(200);
    await proxied.close();
  });
});
