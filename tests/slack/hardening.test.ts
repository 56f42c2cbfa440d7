import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SECRET, startSlackHarness, type SlackHarness } from '../support/slack-app.js';
import { formBody, sendSigned } from '../support/signed.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({}, { ratePerMinute: 3 });
});
afterAll(async () => h.close());
afterEach(() => h.fake.reset());

let seq = 0;
const dm = (text: string, user = 'U1') => {
  seq += 1;
  const ts = `${5000 + seq}.1`;
  const body = { token: 'x', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `EvH${seq}`, event_time: 1, event: { type: 'message', channel_type: 'im', user, text, ts, channel: `D${user}` } };
  return sendSigned(h.events, JSON.stringify(body), 'application/json', SECRET);
};
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const allText = (h: SlackHarness) => h.fake.calls.map((c) => JSON.stringify(c.args)).join('\n');

describe('Slack failure modes', () => {
  it('a rate-limited Web API call (429 ratelimited, Retry-After) is retried and the answer arrives', async () => {
    h.fake.fail({ method: 'chat.postMessage', times: 1, status: 429, error: 'ratelimited', retryAfter: 1 });
    await dm('what is the salary?', 'URL1');
    const calls = await h.fake.waitFor('chat.postMessage', 2, 8000);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(900);
    expect(JSON.stringify(calls[1]!.args)).toContain('$50,250');
  });

  it('a Web API call that keeps failing is logged with context and the app keeps serving', async () => {
    h.fake.fail({ method: 'chat.postMessage', times: 100, status: 500, error: 'internal_error' });
    await dm('do I need a degree?', 'UFAIL');
    await h.fake.waitFor('chat.postMessage', 3, 8000);
    await wait(300);
    expect(h.logs.join('')).toContain('could not answer a message in DUFAIL');
    h.fake.reset();
    await dm('what certifications exist?', 'UFAIL2');
    const [ok] = await h.fake.waitFor('chat.postMessage');
    expect(JSON.stringify(ok!.args)).toContain('CPC');
  });

  it('a slow Slack never delays the ack', async () => {
    h.fake.slow('chat.postMessage', 2500);
    const r = await dm('how long is the training?', 'USLOW');
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(1000);
    const c = await sendSigned(h.events, formBody({ command: '/salary', text: '', user_id: 'USLOW2', channel_id: 'C1', team_id: 'T1', response_url: h.fake.responseUrl('slow'), trigger_id: 't' }), 'application/x-www-form-urlencoded', SECRET);
    expect(c.status).toBe(200);
    expect(c.ms).toBeLessThan(1000);
    await h.fake.waitFor('chat.postMessage', 1, 5000);
  });
});

describe('abuse: the per-user rate limit', () => {
  it('over the limit, one polite notice, then nothing; other people are unaffected', async () => {
    for (let i = 0; i < 5; i++) await dm(`what is the salary? ${i}`, 'UFLOOD');
    await wait(400);
    const posts = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DUFLOOD');
    expect(posts).toHaveLength(4);
    expect(JSON.stringify(posts[3]!.args)).toContain('faster than I can keep up');
    await dm('what is the salary?', 'UCALM');
    await h.fake.waitFor('chat.postMessage', 5);
  });
});

describe('privacy and secrets', () => {
  it('a message with patient identifiers gets the reminder, and its text never reaches the logs', async () => {
    await dm('Patient Mary Jones DOB 04/05/1961, SSN 123-45-6789: what code for asthma?', 'UPHI');
    const [reply] = await h.fake.waitFor('chat.postMessage');
    expect(JSON.stringify(reply!.args)).toContain("Please don't share patient information");
    await wait(100);
    const logs = h.logs.join('');
    expect(logs).toContain('[withheld: patient identifiers]');
    for (const secret of ['Mary Jones', '123-45-6789', '04/05/1961']) expect(logs).not.toContain(secret);
  });

  it('logs carry anonymous user keys and redacted questions, never Slack ids or tokens', async () => {
    await dm('call me at 555-123-4567 about the salary', 'USECRETID');
    await h.fake.waitFor('chat.postMessage');
    await wait(100);
    const logs = h.logs.join('');
    expect(logs).not.toContain('USECRETID');
    expect(logs).not.toContain('555-123-4567');
    expect(logs).not.toContain('xoxb-test-token');
    expect(allText(h)).not.toContain('xoxb-test-token');
  });

  it('injection: typed <!channel> and links in a /certs name come back escaped', async () => {
    await sendSigned(h.events, formBody({ command: '/certs', text: '<!channel> <https://evil.example|click>', user_id: 'UINJ', channel_id: 'C1', team_id: 'T1', response_url: h.fake.responseUrl('inj'), trigger_id: 't' }), 'application/x-www-form-urlencoded', SECRET);
    const [reply] = await h.fake.waitFor('response_url');
    const text = JSON.stringify(reply!.args);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil.example|click>');
  });
});
