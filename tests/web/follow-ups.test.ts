import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHarness, Visitor, type WebHarness } from '../support/web-app.js';

let h: WebHarness;
beforeAll(async () => {
  h = await startWebHarness();
});
afterAll(async () => h.close());

describe('web chat conversations keep their context per session', () => {
  it('the issue\'s conversation: CPC, who offers it, entry pay, and with experience', async () => {
    const v = new Visitor(h.app.url);
    const intents: string[] = [];
    for (const q of ['tell me about the CPC', 'who offers it?', 'what about entry level pay?', 'and with experience?']) intents.push((await v.say(q))[0].intent);
    expect(intents).toEqual(['certs.cpc', 'certs.cpc', 'salary.entry', 'salary.experienced']);
  });

  it('another session does not share it, and a topic button sets it', async () => {
    const a = new Visitor(h.app.url);
    const b = new Visitor(h.app.url);
    await a.say('tell me about the CPC');
    expect((await b.say('who offers it?'))[0].text).toMatch(/^Did you mean/);
    await b.say('RHIT', { topic: 'certs.rhit' });
    expect((await b.say('who offers it?'))[0].intent).toBe('certs.rhit');
  });

  it('the guide keeps working beside the context', async () => {
    const v = new Visitor(h.app.url);
    await v.say('what is the salary');
    expect((await v.say('which certification fits me?'))[1].text).toBe('Are you new to health information work?');
    expect((await v.say('cancel'))[0].text).toContain('stopped the certification guide');
    expect((await v.say('and for beginners?'))[0].intent).toBe('certs.overview.beginner');
  });
});
