import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoredWebHarness, Visitor, type StoredWebHarness } from '../support/web-app.js';

let h: StoredWebHarness;
beforeAll(async () => {
  h = await startStoredWebHarness();
});
afterAll(() => h.close());

const visitor = () => new Visitor(h.app.url);
const healthy = async () => (await fetch(`${h.app.url}healthz`)).status;

// Each of these once ended the process: Botkit continues a dialog in a callback nobody awaits,
// and the guide read the text of a turn that had none.
describe('the guide survives turns that are not answers', () => {
  it('guide, then an empty message: asks again, and the guide goes on', async () => {
    const v = visitor();
    await v.say('which certification fits me?');
    const again = await v.say('');
    expect(again.map((m) => m.text)).toEqual([expect.stringContaining('Please pick one'), 'Are you new to health information work?']);
    expect((await v.say('yes'))[0].text).toContain('What do you want to focus on');
    expect(await healthy()).toBe(200);
  });

  it('guide, then a message without text: the same', async () => {
    const v = visitor();
    await v.say('which certification fits me?');
    const r = await v.post({ type: 'message' });
    expect(r.status).toBe(200);
    expect(r.json[0].text).toContain('Please pick one');
    expect(await healthy()).toBe(200);
  });

  it('guide, then a feedback press: the feedback is thanked and the guide stays where it was', async () => {
    const v = visitor();
    await v.say('which certification fits me?');
    await v.say('yes');
    const r = await v.post({ type: 'feedback', intent: 'salary', helpful: true });
    expect(r.status).toBe(200);
    expect(r.json).toEqual([expect.objectContaining({ text: 'Thanks for the feedback!' })]);
    // Still at the second question: a coding answer ends the guide with its outcome.
    expect((await v.say('coding'))[0].text).toMatch(/^Two certifications fit what you said:/);
    expect(await healthy()).toBe(200);
  });

  it('a topic button during the guide is an unclear answer, never a crash', async () => {
    const v = visitor();
    await v.say('which certification fits me?');
    const r = await v.post({ type: 'message', text: '', topic: 'salary' });
    expect(r.status).toBe(200);
    expect(await healthy()).toBe(200);
  });
});

describe('feedback belongs to whoever got the answer', () => {
  it("a fresh session posting another session's record id changes nothing", async () => {
    const alice = visitor();
    const [answer] = await alice.say('how long is the training?');
    expect(answer.record).toMatch(/^[0-9a-f-]{36}$/);
    const mallory = visitor();
    const r = await mallory.post({ type: 'feedback', intent: answer.intent, helpful: false, record: answer.record });
    expect(r.json[0].text).toContain('Only the person who asked');
    const row = async () => (await h.store.since(0)).find((q) => q.id === answer.record)!;
    expect((await row()).helpful).toBeNull();
    await alice.post({ type: 'feedback', intent: answer.intent, helpful: true, record: answer.record });
    expect((await row()).helpful).toBe(true);
    await mallory.post({ type: 'feedback', intent: answer.intent, helpful: false, record: answer.record });
    expect((await row()).helpful).toBe(true);
  });
});
