import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, SECRET, type SlackHarness } from '../support/slack-app.js';
import { sendSigned } from '../support/signed.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { readConfig } from '../../src/config/env.js';

const OAUTH = { clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'a-state-secret-of-some-length', scopes: ['chat:write', 'commands', 'im:history'] };

// Two instances of the app on one store, installed through Slack's OAuth flow (against the fake Web API).
let store: SqliteStore;
let a: SlackHarness;
let b: SlackHarness;
beforeAll(async () => {
  store = new SqliteStore(':memory:');
  a = await startSlackHarness({ botToken: undefined, oauth: OAUTH }, { store });
  b = await startSlackHarness({ botToken: undefined, oauth: OAUTH, apiUrl: a.fake.url }, { store });
});
afterAll(async () => {
  await a.close();
  await b.close();
  await store.close();
});

/** Opens the install link: Slack's authorize URL (state in it) and the state cookie the browser keeps. */
async function openInstall(h: SlackHarness): Promise<{ state: string; cookie: string; location: string }> {
  const res = await fetch(`${h.app.url}slack/install`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = res.headers.get('location') ?? '';
  const state = new URL(location).searchParams.get('state') ?? '';
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { state, cookie, location };
}

async function callback(h: SlackHarness, query: string, cookie: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${h.app.url}slack/oauth_redirect?${query}`, { headers: { cookie }, redirect: 'manual' });
  return { status: res.status, body: await res.text() };
}

let ts = 100;
const dm = (team: string, id: string, text: string) =>
  JSON.stringify({ token: 'x', team_id: team, api_app_id: 'A1', type: 'event_callback', event_id: id, event_time: 1, authorizations: [{ team_id: team, user_id: `UBOT${team}`, is_bot: true }], event: { type: 'message', channel_type: 'im', user: 'U1', text, ts: `${ts++}.1`, channel: `D${team}`, event_ts: '1.1' } });

describe('Slack OAuth: one deployment, many workspaces', () => {
  it('installs two workspaces through /slack/install and the redirect, asking Slack with the client credentials', async () => {
    for (const team of ['T1', 'T2']) {
      const { state, cookie, location } = await openInstall(a);
      expect(location).toMatch(/^https:\/\/slack\.com\/oauth\/v2\/authorize\?/);
      expect(new URL(location).searchParams.get('scope')).toBe('chat:write,commands,im:history');
      const done = await callback(a, `code=code-${team}&state=${state}`, cookie);
      expect(done.status).toBe(200);
      expect(done.body).toContain(`installed in Career Center ${team}`);
    }
    const exchanges = a.fake.callsTo('oauth.v2.access');
    expect(exchanges.map((c) => c.args.code)).toEqual(['code-T1', 'code-T2']);
    expect(exchanges.every((c) => c.args.client_id === OAUTH.clientId && c.args.client_secret === OAUTH.clientSecret)).toBe(true);
  });

  it('answers each workspace with its own token, on either instance (installations live in the store)', async () => {
    a.fake.reset();
    expect((await sendSigned(a.events, dm('T1', 'EvA', 'how much does it pay'), 'application/json', SECRET)).status).toBe(200);
    expect((await sendSigned(b.events, dm('T2', 'EvB', 'do I need a degree'), 'application/json', SECRET)).status).toBe(200);
    const posts = await a.fake.waitFor('chat.postMessage', 2);
    expect(posts.find((p) => p.args.channel === 'DT1')!.token).toBe('xoxb-oauth-T1');
    expect(posts.find((p) => p.args.channel === 'DT2')!.token).toBe('xoxb-oauth-T2');
  });

  it('refuses a replayed, a forged and a code-less callback with a page that says so, and a log line', async () => {
    const { state, cookie } = await openInstall(a);
    expect((await callback(a, `code=code-T3&state=${state}`, cookie)).status).toBe(200);
    const replayed = await callback(b, `code=code-T3&state=${state}`, cookie);
    expect(replayed.status).toBe(400);
    expect(replayed.body).toContain('start again');
    const forged = await callback(a, 'code=code-T4&state=forged-state-value-123456', 'slack-app-oauth-state=forged-state-value-123456');
    expect(forged.status).toBe(400);
    const fresh = await openInstall(a);
    const noCode = await callback(a, `state=${fresh.state}`, fresh.cookie);
    expect(noCode.status).toBe(400);
    expect(a.logs.join('')).toContain('a Slack install did not complete');
    expect(a.fake.callsTo('oauth.v2.access').map((c) => c.args.code)).not.toContain('code-T4');
  });

  it('app_uninstalled deletes the workspace\'s installation: its events go unanswered, the other workspace is still answered', async () => {
    const uninstall = JSON.stringify({ token: 'x', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'EvU', event_time: 1, authorizations: [{ team_id: 'T1', user_id: 'UBOTT1', is_bot: true }], event: { type: 'app_uninstalled', event_ts: '1.1' } });
    expect((await sendSigned(a.events, uninstall, 'application/json', SECRET)).status).toBe(200);
    await expect.poll(() => store.getState('slack:installation:team:T1')).toBeNull();
    a.fake.reset();
    await sendSigned(b.events, dm('T1', 'EvC', 'salary'), 'application/json', SECRET);
    await sendSigned(b.events, dm('T2', 'EvD', 'salary'), 'application/json', SECRET);
    const posts = await a.fake.waitFor('chat.postMessage', 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(a.fake.callsTo('chat.postMessage').map((p) => p.args.channel)).toEqual(['DT2']);
    expect(posts[0]!.token).toBe('xoxb-oauth-T2');
  });
});

describe('Slack OAuth configuration', () => {
  const base = { SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 'sixteen-chars-at-least' };

  it('the three OAuth variables configure many workspaces without a bot token; the manifest\'s scopes by default', () => {
    const slack = readConfig(base).slack!;
    expect(slack.botToken).toBeUndefined();
    expect(slack.oauth?.scopes).toContain('chat:write');
  });

  it('says what is wrong: one OAuth variable alone, a bot token beside them, Socket Mode, a short state secret', () => {
    expect(() => readConfig({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '1.2' })).toThrow(/SLACK_CLIENT_SECRET and SLACK_STATE_SECRET missing/);
    expect(() => readConfig({ ...base, SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/unset one of them/);
    expect(() => readConfig({ ...base, SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/HTTP mode/);
    expect(() => readConfig({ ...base, SLACK_STATE_SECRET: 'short' })).toThrow(/at least 16/);
  });
});
