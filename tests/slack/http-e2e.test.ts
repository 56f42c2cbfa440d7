import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SECRET, startSlackHarness, type SlackHarness } from '../support/slack-app.js';
import { formBody, sendSigned } from '../support/signed.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.fake.reset());

const json = (body: unknown, extra = {}) => sendSigned(h.events, JSON.stringify(body), 'application/json', SECRET, extra);
const form = (fields: Record<string, string>, extra = {}) => sendSigned(h.events, formBody(fields), 'application/x-www-form-urlencoded', SECRET, extra);

function command(name: string, text: string, id = 'cmd') {
  return form({
    token: 'x', team_id: 'T1', channel_id: 'C1', channel_name: 'general', user_id: 'U1', user_name: 'cand',
    command: name, text, response_url: h.fake.responseUrl(id), trigger_id: 't1', api_app_id: 'A1',
  });
}

function eventCallback(event: Record<string, unknown>, id: string) {
  return { token: 'x', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: id, event_time: 1, event, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }] };
}

function blockAction(action: Record<string, unknown>, container: Record<string, unknown>) {
  const payload = {
    type: 'block_actions', team: { id: 'T1' }, user: { id: 'U1' }, api_app_id: 'A1', trigger_id: 't',
    container, channel: { id: container.channel_id }, message: { ts: container.message_ts, text: 'x' },
    response_url: h.fake.responseUrl('action'), actions: [{ type: 'button', block_id: 'b', action_ts: '1', ...action }],
  };
  return form({ payload: JSON.stringify(payload) });
}

const textOf = (args: Record<string, unknown>): string => JSON.stringify(args.blocks ?? '') + String(args.text ?? '');

describe('Slack over HTTP, through Bolt\'s receiver with signed requests', () => {
  it('url_verification echoes the challenge', async () => {
    const r = await json({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('abc123');
  });

  it('/certs lists the three certifications privately, acked within 3 s', async () => {
    const r = await command('/certs', '');
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(3000);
    const [call] = await h.fake.waitFor('response_url');
    expect(call!.args.response_type).toBe('ephemeral');
    for (const acronym of ['CPC', 'RHIT', 'CCA', 'AAPC', 'AHIMA']) expect(textOf(call!.args)).toContain(acronym);
  });

  it('/certs rhit gives that certification in full', async () => {
    const r = await command('/certs', 'rhit');
    expect(r.status).toBe(200);
    const [call] = await h.fake.waitFor('response_url');
    expect(textOf(call!.args)).toContain('Registered Health Information Technician');
    expect(textOf(call!.args)).not.toContain('Certified Professional Coder');
  });

  it('/certs with an unknown name gets the list and a hint', async () => {
    await command('/certs', 'xyz');
    const [call] = await h.fake.waitFor('response_url');
    expect(textOf(call!.args)).toContain("I don't know \\\"xyz\\\"");
    expect(textOf(call!.args)).toContain('/certs cpc');
  });

  it('/salary gives the three salary figures', async () => {
    const r = await command('/salary', '');
    expect(r.status).toBe(200);
    const [call] = await h.fake.waitFor('response_url');
    for (const figure of ['$35,780', '$50,250', '$80,950']) expect(textOf(call!.args)).toContain(figure);
  });

  it('/faq <question> answers privately with a Share in channel button', async () => {
    const r = await command('/faq', 'do I need a degree?');
    expect(r.ms).toBeLessThan(3000);
    const [call] = await h.fake.waitFor('response_url');
    expect(call!.args.response_type).toBe('ephemeral');
    expect(textOf(call!.args)).toContain('postsecondary certificate');
    expect(textOf(call!.args)).toContain('Share in channel');
  });

  it('/faq alone shows the topics and commands', async () => {
    await command('/faq', '');
    const [call] = await h.fake.waitFor('response_url');
    expect(textOf(call!.args)).toContain('Topics I know');
    expect(textOf(call!.args)).toContain('/faq <your question>'.replace('<', '&lt;').replace('>', '&gt;'));
  });

  it('an app_mention is answered in the thread of the question', async () => {
    const r = await json(eventCallback({ type: 'app_mention', user: 'U1', text: '<@UBOT> how much do they earn?', ts: '100.1', channel: 'C1', event_ts: '100.1' }, 'Ev1'));
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(3000);
    const [call] = await h.fake.waitFor('chat.postMessage');
    expect(call!.args).toMatchObject({ channel: 'C1', thread_ts: '100.1' });
    expect(textOf(call!.args)).toContain('$50,250');
  });

  it('a follow-up in a thread the bot answered is answered there; the same mention as a channel message is not answered twice', async () => {
    await json(eventCallback({ type: 'app_mention', user: 'U1', text: '<@UBOT> what certifications exist?', ts: '200.1', channel: 'C2', event_ts: '200.1' }, 'Ev2'));
    await json(eventCallback({ type: 'message', channel_type: 'channel', user: 'U1', text: '<@UBOT> what certifications exist?', ts: '200.1', channel: 'C2', event_ts: '200.1' }, 'Ev3'));
    await h.fake.waitFor('chat.postMessage', 1);
    await json(eventCallback({ type: 'message', channel_type: 'channel', user: 'U1', text: 'and what is the salary?', ts: '200.5', thread_ts: '200.1', channel: 'C2', event_ts: '200.5' }, 'Ev4'));
    const calls = await h.fake.waitFor('chat.postMessage', 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(calls[1]!.args).toMatchObject({ channel: 'C2', thread_ts: '200.1' });
    expect(textOf(calls[1]!.args)).toContain('$35,780');
  });

  it('a retried event (X-Slack-Retry-Num) gets no second reply', async () => {
    const event = eventCallback({ type: 'app_mention', user: 'U1', text: '<@UBOT> salary', ts: '300.1', channel: 'C3', event_ts: '300.1' }, 'Ev5');
    await json(event);
    await h.fake.waitFor('chat.postMessage');
    const retry = await json(event, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a DM is answered in the DM; bots, edits and other subtypes are ignored', async () => {
    await json(eventCallback({ type: 'message', channel_type: 'im', user: 'U1', text: 'is this patient care?', ts: '400.1', channel: 'D1', event_ts: '400.1' }, 'Ev6'));
    const [call] = await h.fake.waitFor('chat.postMessage');
    expect(call!.args.channel).toBe('D1');
    expect(call!.args.thread_ts).toBeUndefined();
    expect(textOf(call!.args)).toContain('administrative');
    await json(eventCallback({ type: 'message', channel_type: 'im', bot_id: 'B9', user: 'U9', text: 'salary', ts: '400.2', channel: 'D1' }, 'Ev7'));
    await json(eventCallback({ type: 'message', channel_type: 'im', subtype: 'bot_message', text: 'salary', ts: '400.3', channel: 'D1' }, 'Ev8'));
    await json(eventCallback({ type: 'message', channel_type: 'im', subtype: 'message_changed', message: { text: 'salary' }, ts: '400.4', channel: 'D1' }, 'Ev9'));
    await json(eventCallback({ type: 'message', channel_type: 'im', user: 'UBOT', bot_id: 'BBOT', text: 'salary', ts: '400.5', channel: 'D1' }, 'Ev10'));
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a suggestion button answers that topic in the thread of the message it was on', async () => {
    const r = await blockAction({ action_id: 'faq_topic_1', value: 'training.steps' }, { type: 'message', channel_id: 'C5', message_ts: '500.1', is_ephemeral: false });
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(3000);
    const [call] = await h.fake.waitFor('chat.postMessage');
    expect(call!.args).toMatchObject({ channel: 'C5', thread_ts: '500.1' });
    expect(textOf(call!.args)).toContain('GED');
  });

  it('"Share in channel" posts the answer visibly, credited to the person who shared it, and removes the private copy', async () => {
    const r = await blockAction({ action_id: 'faq_share', value: JSON.stringify({ i: ['salary'] }) }, { type: 'message', channel_id: 'C6', message_ts: '600.1', is_ephemeral: true });
    expect(r.status).toBe(200);
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post!.args.channel).toBe('C6');
    expect(textOf(post!.args)).toContain('Shared by <@U1>');
    expect(textOf(post!.args)).toContain('$80,950');
    const [removed] = await h.fake.waitFor('response_url');
    expect(removed!.args.delete_original).toBe(true);
  });

  it('"Where does this come from?" shows the person who pressed it the page\'s sentences behind the answer', async () => {
    const r = await blockAction({ action_id: 'faq_source', value: JSON.stringify({ i: ['salary'] }) }, { type: 'message', channel_id: 'C8', message_ts: '800.1' });
    expect(r.status).toBe(200);
    const [quoted] = await h.fake.waitFor('response_url');
    expect(quoted!.args.response_type).toBe('ephemeral');
    expect(textOf(quoted!.args)).toContain('> Median Annual Salary: $50,250');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('feedback buttons record the feedback and thank the person privately', async () => {
    await blockAction({ action_id: 'faq_feedback_1', value: JSON.stringify({ i: 'salary', h: false }) }, { type: 'message', channel_id: 'C7', message_ts: '700.1' });
    const [thanks] = await h.fake.waitFor('response_url');
    expect(textOf(thanks!.args)).toContain('Thanks for the feedback');
    expect(h.feedback).toContainEqual({ channel: 'slack', user: expect.stringMatching(/^[0-9a-f]{16}$/), intent: 'salary', helpful: false });
  });

  it('the "Find an answer" shortcut answers privately with a button to post in that thread, which posts there', async () => {
    const payload = {
      type: 'message_action', callback_id: 'find_answer', trigger_id: 't', response_url: h.fake.responseUrl('shortcut'),
      team: { id: 'T1' }, channel: { id: 'C8', name: 'candidates' }, user: { id: 'UADV' }, message_ts: '800.1',
      message: { type: 'message', user: 'U2', ts: '800.1', text: 'Do I need a degree for this job?' },
    };
    const r = await form({ payload: JSON.stringify(payload) });
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(3000);
    const [priv] = await h.fake.waitFor('response_url');
    expect(priv!.args.response_type).toBe('ephemeral');
    expect(textOf(priv!.args)).toContain('Post as reply in thread');
    const button = JSON.stringify(priv!.args.blocks).match(/"action_id":"faq_post_reply","text":\{[^}]*\},"style":"primary","value":"((?:[^"\\]|\\.)*)"/);
    expect(button).not.toBeNull();
    const value = JSON.parse(`"${button![1]}"`) as string;
    h.fake.reset();
    await blockAction({ action_id: 'faq_post_reply', value }, { type: 'message', channel_id: 'C8', message_ts: '800.2', is_ephemeral: true });
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post!.args).toMatchObject({ channel: 'C8', thread_ts: '800.1' });
    expect(textOf(post!.args)).toContain('postsecondary certificate');
  });

  it('App Home shows the topics as buttons and the commands', async () => {
    await json(eventCallback({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '900.1' }, 'Ev11'));
    const [call] = await h.fake.waitFor('views.publish');
    expect(call!.args.user_id).toBe('U1');
    const view = JSON.stringify(call!.args.view);
    expect(view).toContain('faq_topic_0');
    expect(view).toContain('/certs');
  });

  describe('request verification', () => {
    const body = JSON.stringify(eventCallback({ type: 'app_mention', user: 'U1', text: '<@UBOT> salary', ts: '999.1', channel: 'C9' }, 'EvBad'));

    it('a forged signature gets 401 and no reply', async () => {
      const r = await fetch(h.events, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=deadbeef' }, body });
      expect(r.status).toBe(401);
    });

    it('a request signed with the wrong secret gets 401', async () => {
      const r = await sendSigned(h.events, body, 'application/json', 'wrong-secret');
      expect(r.status).toBe(401);
    });

    it('a timestamp older than five minutes gets 401', async () => {
      const r = await sendSigned(h.events, body, 'application/json', SECRET, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
      expect(r.status).toBe(401);
      await new Promise((res) => setTimeout(res, 200));
      expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    });
  });

  it('GET /healthz answers 200', async () => {
    const r = await fetch(`${h.app.url}healthz`);
    expect(r.status).toBe(200);
  });
});
