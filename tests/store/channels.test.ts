import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoredWebHarness, Visitor, type StoredWebHarness } from '../support/web-app.js';

let h: StoredWebHarness;
beforeAll(async () => {
  h = await startStoredWebHarness();
});
afterAll(() => h.close());

describe('the channels keep each question in the store', () => {
  it('a web question is stored redacted under an anonymous key, and its feedback button writes to it', async () => {
    const v = new Visitor(h.app.url);
    const [reply] = await v.say('what is the salary? 12345678');
    expect(reply.record).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await h.store.since(0);
    expect(row).toMatchObject({ channel: 'web', question: 'what is the salary? [NUMBER]', intent: 'salary', outcome: 'answer', helpful: null });
    expect(row!.userKey).toMatch(/^[0-9a-f]{16}$/);
    await v.post({ type: 'feedback', intent: 'salary', helpful: false, record: reply.record });
    expect((await h.store.since(0))[0]!.helpful).toBe(false);
  });

  it('a fallback is stored as such; a message with patient identifiers is stored withheld', async () => {
    const v = new Visitor(h.app.url);
    await v.say('how do I become an astronaut');
    await v.say('Patient Ann Lee DOB 01/02/1970 needs a code');
    const rows = await h.store.since(0);
    expect(rows.at(-2)).toMatchObject({ outcome: 'fallback', intent: 'none', question: 'how do I become an astronaut' });
    expect(rows.at(-1)).toMatchObject({ outcome: 'privacy', question: '[withheld: patient identifiers]' });
  });
});
