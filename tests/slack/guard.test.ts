import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allowedResponseUrl, parseSlackBody, responseUrls } from '../../src/slack/guard.js';
import { SECRET, startSlackHarness, type SlackHarness } from '../support/slack-app.js';
import { formBody, sendSigned, slackSignature } from '../support/signed.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => h.close());
afterEach(() => h.fake.reset());

const healthy = async () => (await fetch(`${h.app.url}healthz`)).status;
const dm = (text: string, n: number) =>
  JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: `EvG${n}`, event_time: 1, event: { type: 'message', channel_type: 'im', user: 'UG', text, ts: `${n}.1`, channel: 'DG' } });

/** Sends raw headers and a body over one socket; resolves with the status and whether the server closed the connection. */
function rawPost(headers: Record<string, string>, body: string): Promise<{ status: number; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(`${h.events}`, { method: 'POST', headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, closed: res.headers.connection === 'close' }));
    });
    req.on('error', reject);
    req.write(body);
    // The declared length is never sent in full: a server that waits for it would hang here.
    setTimeout(() => req.destroy(), 3000).unref();
  });
}

describe('Slack requests Bolt never sees', () => {
  it('a signed body of null, [] or "x", or payload=null, gets 400 and the process answers the next question', async () => {
    for (const body of ['null', '[]', '"x"', '1']) expect((await sendSigned(h.events, body, 'application/json', SECRET)).status, body).toBe(400);
    for (const payload of ['null', '[]', '{not json']) expect((await sendSigned(h.events, formBody({ payload }), 'application/x-www-form-urlencoded', SECRET)).status, payload).toBe(400);
    expect(await healthy()).toBe(200);
    expect((await sendSigned(h.events, dm('what is the salary?', 1), 'application/json', SECRET)).status).toBe(200);
    const [answer] = await h.fake.waitFor('chat.postMessage');
    expect(JSON.stringify(answer!.args)).toContain('$');
  });

  it('a timestamp more than five minutes in the future is refused like a stale one', async () => {
    const future = Math.floor(Date.now() / 1000) + 365 * 24 * 3600;
    expect((await sendSigned(h.events, dm('hi', 2), 'application/json', SECRET, { timestamp: future })).status).toBe(401);
    expect((await sendSigned(h.events, dm('hi', 3), 'application/json', SECRET, { timestamp: Math.floor(Date.now() / 1000) + 60 })).status).toBe(200);
  });

  it('a request without signature headers is refused before its body is read, and the connection closed', async () => {
    const r = await rawPost({ 'content-type': 'application/json', 'content-length': String(200 * 1024) }, '{"type":');
    expect(r).toEqual({ status: 401, closed: true });
  });

  it('a declared length over the limit gets 413 at once, without reading the body', async () => {
    const body = '{}';
    const r = await rawPost({ 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024), ...slackSignature(body, SECRET) }, body);
    expect(r).toEqual({ status: 413, closed: true });
    expect(await healthy()).toBe(200);
  });

  it('a response_url outside Slack is refused, so the bot never posts there', async () => {
    const command = (response_url: string) =>
      sendSigned(h.events, formBody({ command: '/salary', text: '', user_id: 'UR', channel_id: 'C1', team_id: 'T1', response_url, trigger_id: 't' }), 'application/x-www-form-urlencoded', SECRET);
    expect((await command('https://evil.example/steal')).status).toBe(400);
    expect((await command('http://hooks.slack.com/commands/1')).status).toBe(400);
    expect((await command(h.fake.responseUrl('ok'))).status).toBe(200);
    await h.fake.waitFor('response_url/ok');
  });

  it('a form field given twice is refused: a second response_url cannot ride past the check on the first', async () => {
    const body = `${formBody({ command: '/salary', text: '', user_id: 'UR', channel_id: 'C1', team_id: 'T1', trigger_id: 't', response_url: 'https://evil.example/stolen' })}&response_url=${encodeURIComponent(h.fake.responseUrl('twice'))}`;
    expect((await sendSigned(h.events, body, 'application/x-www-form-urlencoded', SECRET)).status).toBe(400);
  });

  it('a chunked body over the limit (no declared length) gets 413 and the process stays up', async () => {
    const big = 'x'.repeat(600 * 1024);
    const r = await new Promise<number>((resolve, reject) => {
      const req = request(h.events, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...slackSignature(big, SECRET) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(-1));
      req.end(big);
      void reject;
    });
    expect([413, -1]).toContain(r);
    await new Promise((done) => setTimeout(done, 100));
    expect(await healthy()).toBe(200);
  });

  it('Slack\'s unsigned ssl_check is answered; any other unsigned form body is not', async () => {
    const ok = await fetch(h.events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ssl_check=1&token=x' });
    expect(ok.status).toBe(200);
    const smuggled = await fetch(h.events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'command=%2Fsalary' });
    expect(smuggled.status).toBe(401);
  });
});

describe('guard helpers', () => {
  it('parseSlackBody takes objects only, from JSON or a form payload', () => {
    expect(parseSlackBody('{"a":1}', 'application/json')).toEqual({ a: 1 });
    expect(parseSlackBody('command=%2Fcerts&text=cpc', 'application/x-www-form-urlencoded')).toEqual({ command: '/certs', text: 'cpc' });
    expect(parseSlackBody(`payload=${encodeURIComponent('{"type":"block_actions"}')}`, 'application/x-www-form-urlencoded')).toEqual({ type: 'block_actions' });
    for (const bad of ['null', '[1]', '"s"', '']) expect(() => parseSlackBody(bad, 'application/json')).toThrow();
  });

  it('every response_url is found, nested ones too; only Slack\'s hooks (https) and SLACK_API_URL\'s origin pass', () => {
    expect(responseUrls({ response_url: 'a', view: { response_urls: [{ response_url: 'b' }] } })).toEqual(['a', 'b']);
    expect(allowedResponseUrl('https://hooks.slack.com/actions/T/1/x')).toBe(true);
    expect(allowedResponseUrl('https://hooks.slack.com.evil.example/x')).toBe(false);
    expect(allowedResponseUrl('http://127.0.0.1:9/response/x', 'http://127.0.0.1:9/api/')).toBe(true);
    expect(allowedResponseUrl('http://127.0.0.1:10/response/x', 'http://127.0.0.1:9/api/')).toBe(false);
    expect(allowedResponseUrl('not a url')).toBe(false);
  });
});
