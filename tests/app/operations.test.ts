import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import { startWebHarness, Visitor } from '../support/web-app.js';

describe('operations', () => {
  it('GET /metrics counts questions by channel and outcome, in Prometheus text format', async () => {
    const h = await startWebHarness();
    const v = new Visitor(h.app.url);
    await v.say('what is the salary');
    await v.say('how do I make pasta');
    const res = await fetch(`${h.app.url}metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('faqbot_questions_total{channel="web",outcome="answer"} 1');
    expect(text).toContain('faqbot_questions_total{channel="web",outcome="fallback"} 1');
    expect(text).toMatch(/faqbot_decision_seconds_count 2/);
    await h.close();
  });

  it('GET /healthz names the store, and answers 503 when the store cannot be reached', async () => {
    const store = new SqliteStore(':memory:');
    const h = await startWebHarness(1000, store);
    expect(await (await fetch(`${h.app.url}healthz`)).json()).toEqual({ status: 'ok', store: 'sqlite' });
    await store.close();
    const down = await fetch(`${h.app.url}healthz`);
    expect(down.status).toBe(503);
    expect((await down.json()).error).toContain('the sqlite store cannot be reached');
    await h.close();
  });

  it('/healthz notices a SQLite file deleted under the running app', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-health-'));
    const store = new SqliteStore(join(dir, 'faqbot.db'));
    const h = await startWebHarness(1000, store);
    expect((await fetch(`${h.app.url}healthz`)).status).toBe(200);
    rmSync(dir, { recursive: true, force: true });
    expect((await fetch(`${h.app.url}healthz`)).status).toBe(503);
    await h.close();
    await store.close();
  });

  it('stopping lets a request under way finish: its answer arrives, then the server is closed', async () => {
    const h = await startWebHarness();
    const body = JSON.stringify({ type: 'message', text: 'what is the salary' });
    const answered = new Promise<number>((resolve, reject) => {
      const req = request(`${h.app.url}api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    const closing = h.close();
    expect(await answered).toBe(200);
    await closing;
    await expect(fetch(`${h.app.url}healthz`)).rejects.toThrow();
  });
});
