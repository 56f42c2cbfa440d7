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
