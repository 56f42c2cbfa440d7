import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SECRET, startSlackHarness, type SlackHarness } from '../support/slack-app.js';
import { formBody, sendSigned } from '../support/signed.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.fake.reset());

let n = 0;
const event = (ev: Record<string, unknown>) =>
  sendSigned(h.events, JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: `EvF${++n}`, event_time: 1, event: ev, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }] }), 'application/json', SECRET);
const dm = (user: string, text: string) => event({ type: 'message', channel_type: 'im', user, text, ts: `${1000 + ++n}.1`, channel: `D${user}` });
const textOf = (args: Record<string, unknown>): string => JSON.stringify(args.blocks ?? '') + String(args.text ?? '');

/** Sends, then waits for the bot's reply and returns its text. */
async function reply(send: () => Promise<unknown>): Promise<string> {
  h.fake.reset();
  await send();
  const [post] = await h.fake.waitFor('chat.postMessage');
  return textOf(post!.args);
}

describe('Slack conversations keep their context', () => {
  it('in a DM: "who offers it?" after the CPC, and "and with experience?" after the entry pay', async () => {
    await reply(() => dm('UF1', 'tell me about the CPC'));
    const offers = await reply(() => dm('UF1', 'who offers it?'));
    expect(offers).toContain('offered by AAPC');
    expect(offers).not.toContain('Did you mean');
    await reply(() => dm('UF1', 'what about entry level pay?'));
    expect(await reply(() => dm('UF1', 'and with experience?'))).toContain('$80,950');
  });

  it('each DM is its own conversation', async () => {
    await reply(() => dm('UF2', 'tell me about the CPC'));
    expect(await reply(() => dm('UF3', 'who offers it?'))).toContain('Did you mean');
  });

  it('in a channel thread the bot answers, a follow-up uses the thread\'s context; a mention in a new thread starts a new one', async () => {
    await reply(() => event({ type: 'app_mention', user: 'UF4', text: '<@UBOT> what is the RHIT', ts: '300.1', channel: 'CF1' }));
    const followUp = await reply(() => event({ type: 'message', channel_type: 'channel', user: 'UF4', text: 'who runs it?', ts: '300.2', thread_ts: '300.1', channel: 'CF1' }));
    expect(followUp).toContain('offered by AHIMA');
    const fresh = await reply(() => event({ type: 'app_mention', user: 'UF4', text: '<@UBOT> who runs it?', ts: '301.1', channel: 'CF1' }));
    expect(fresh).not.toContain('Registered Health Information Technician');
  });

  it('a topic button sets the conversation\'s topic', async () => {
    const payload = { type: 'block_actions', team: { id: 'T1' }, user: { id: 'UF5' }, api_app_id: 'A1', trigger_id: 't', container: { type: 'message', channel_id: 'DUF5', message_ts: '400.1' }, channel: { id: 'DUF5' }, message: { ts: '400.1', text: 'x' }, response_url: h.fake.responseUrl('a'), actions: [{ type: 'button', block_id: 'b', action_ts: '1', action_id: 'faq_topic_0', value: 'certs.cca' }] };
    await reply(() => sendSigned(h.events, formBody({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded', SECRET));
    expect(await reply(() => dm('UF5', 'who offers it?'))).toContain('offered by AHIMA');
  });
});

describe('Slack with its store down', () => {
  it('a DM is still answered (the one-answer claim fails open) and the failure is logged', async () => {
    const { SqliteStore } = await import('../../src/store/sqlite.js');
    const store = new SqliteStore(':memory:');
    const down = await startSlackHarness({}, { store });
    await store.close();
    await sendSigned(down.events, JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: 'EvDown1', event_time: 1, event: { type: 'message', channel_type: 'im', user: 'UDOWN', text: 'what is the salary?', ts: '900.1', channel: 'DDOWN' }, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }] }), 'application/json', SECRET);
    const [answer] = await down.fake.waitFor('chat.postMessage');
    expect(JSON.stringify(answer!.args)).toContain('$50,250');
    expect(down.logs.join('')).toContain('answering anyway');
    await down.close();
  });
});
