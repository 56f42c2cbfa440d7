import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConversationService, memoryContexts, storedContexts } from '../../src/app/conversation.js';
import { RateLimiter } from '../../src/app/rate-limit.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { memoryState } from '../../src/store/memory-state.js';
import type { Decision } from '../../src/engine/types.js';
import { productEngine } from '../helpers.js';

const engine = productEngine();

function service(now: () => number, options: { limit?: number; contexts?: ReturnType<typeof memoryContexts> } = {}) {
  return new ConversationService({
    engine: () => engine,
    contexts: options.contexts ?? memoryContexts(now),
    ...(options.limit ? { limiter: new RateLimiter(options.limit, memoryState(100, now), 60_000, now) } : {}),
    contextTtlMinutes: 30,
  });
}
const ask = async (s: ConversationService, conversation: string, text: string): Promise<Decision> =>
  (await s.answer({ channel: 'web', conversation, user: conversation, text })).decision;

describe('the conversation service', () => {
  it('keeps one context per conversation: interleaved conversations do not mix', async () => {
    const s = service(Date.now);
    await ask(s, 'a', 'tell me about the CPC');
    await ask(s, 'b', "what's the median salary");
    expect((await ask(s, 'b', 'and for beginners?')).intent).toBe('salary.entry');
    expect((await ask(s, 'a', 'who offers it?')).intent).toBe('certs.cpc');
  });

  it('forgets a context after CONTEXT_TTL_MINUTES of silence', async () => {
    let now = Date.UTC(2026, 10, 26, 9);
    const s = service(() => now);
    await ask(s, 'a', 'tell me about the CPC');
    now += 29 * 60_000;
    expect((await ask(s, 'a', 'who offers it?')).intent).toBe('certs.cpc');
    now += 31 * 60_000;
    expect((await ask(s, 'a', 'who offers it?')).kind).toBe('clarify');
  });

  it('"start over" forgets the context; a topic button sets it', async () => {
    const s = service(Date.now);
    await ask(s, 'a', 'tell me about the CPC');
    await ask(s, 'a', 'start over');
    expect((await ask(s, 'a', 'who offers it?')).kind).toBe('clarify');
    await s.topic('a', ['certs.rhit']);
    expect((await ask(s, 'a', 'who offers it?')).intent).toBe('certs.rhit');
  });

  it('a follow-up after a restart: the context kept in SQLite is read by a new process', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faqbot-ctx-')), 'faqbot.db');
    const before = new SqliteStore(file);
    await ask(new ConversationService({ engine: () => engine, contexts: storedContexts(before) }), 'web:x', 'tell me about the CPC');
    await before.close();
    const after = new SqliteStore(file);
    expect((await ask(new ConversationService({ engine: () => engine, contexts: storedContexts(after) }), 'web:x', 'who offers it?')).intent).toBe('certs.cpc');
    await after.close();
  });

  it('a store that cannot be read costs the context, never the answer', async () => {
    const broken = { get: async () => Promise.reject(new Error('down')), set: async () => Promise.reject(new Error('down')) };
    const s = new ConversationService({ engine: () => engine, contexts: broken });
    expect((await ask(s, 'a', 'what is the salary')).intent).toMatch(/^salary/);
  });

  it('rate limits before deciding, and hands only unanswered questions with text to triage', async () => {
    const s = service(Date.now, { limit: 2 });
    const triaged: string[] = [];
    const triage = async (d: Decision) => void triaged.push(d.text);
    const q = (text: string) => s.ask({ channel: 'slack', conversation: 'c', user: 'U1', text }, triage);
    expect((await q('how much does a plumber earn')).kind).toBe('decided');
    expect((await q('')).kind).toBe('decided');
    expect(await q('what is the salary')).toEqual({ kind: 'limited', verdict: 'notice' });
    expect(await q('what is the salary')).toEqual({ kind: 'limited', verdict: 'drop' });
    expect(triaged).toEqual(['how much does a plumber earn']);
  });
});
