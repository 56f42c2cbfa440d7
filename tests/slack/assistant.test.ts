import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SECRET, startStoredSlackHarness, type StoredSlackHarness } from '../support/slack-app.js';
import { formBody, sendSigned } from '../support/signed.js';

let h: StoredSlackHarness;
beforeAll(async () => {
  h = await startStoredSlackHarness({}, { advisors: { userIds: ['UADV'], channelId: 'CADV' } });
});
afterAll(() => h.close());
beforeEach(() => h.fake.reset());

let n = 0;
const event = (ev: Record<string, unknown>) =>
  sendSigned(h.events, JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: `EvAs${++n}`, event_time: 1, event: ev, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }] }), 'application/json', SECRET);
const started = (user: string, thread: string) =>
  event({ type: 'assistant_thread_started', assistant_thread: { user_id: user, channel_id: 'DAS', thread_ts: thread, context: { channel_id: 'CVIEW', team_id: 'T1' } }, event_ts: thread });
const ask = (user: string, thread: string, text: string) => event({ type: 'message', channel_type: 'im', channel: 'DAS', user, text, ts: `${thread}${++n}`, thread_ts: thread });

describe("Slack's assistant panel", () => {
  it('a new thread gets a greeting and the suggested prompts from intents/assistant.yaml; its context is kept in the store', async () => {
    await started('UCAND', '500.1');
    const [prompts] = await h.fake.waitFor('assistant.threads.setSuggestedPrompts');
    expect(prompts!.args).toMatchObject({ channel_id: 'DAS', thread_ts: '500.1', title: 'Try asking' });
    expect((prompts!.args.prompts as { title: string }[]).map((p) => p.title)).toEqual(['What the job is', 'Pay', 'Getting started', 'Certifications']);
    const [greeting] = await h.fake.waitFor('chat.postMessage');
    expect(greeting!.args).toMatchObject({ channel: 'DAS', thread_ts: '500.1' });
    expect(JSON.stringify(greeting!.args)).toContain('Ask me anything');
    expect(await h.store.getState('assistant-context:DAS:500.1')).toBe('{"channel_id":"CVIEW","team_id":"T1"}');
  });

  it('an advisor gets the advisors\' prompts', async () => {
    await started('UADV', '501.1');
    const [prompts] = await h.fake.waitFor('assistant.threads.setSuggestedPrompts');
    expect((prompts!.args.prompts as { message: string }[]).map((p) => p.message)).toContain('stats');
  });

  it('a question: status while answering, the answer in the thread with Slack\'s thumbs, the topic as the title; a follow-up keeps its context', async () => {
    await ask('UCAND', '502.1', 'tell me about the CPC');
    const [status] = await h.fake.waitFor('assistant.threads.setStatus');
    expect(status!.args).toMatchObject({ channel_id: 'DAS', thread_ts: '502.1' });
    const [answer] = await h.fake.waitFor('chat.postMessage');
    expect(answer!.args.thread_ts).toBe('502.1');
    const blocks = JSON.stringify(answer!.args.blocks);
    expect(blocks).toContain('"type":"context_actions"');
    expect(blocks).toContain('"type":"feedback_buttons"');
    expect(blocks).not.toContain('"action_id":"faq_feedback_0"');
    const [title] = await h.fake.waitFor('assistant.threads.setTitle');
    expect(title!.args).toMatchObject({ title: 'CPC' });
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    h.fake.reset();
    await ask('UCAND', '502.1', 'who offers it?');
    const [followUp] = await h.fake.waitFor('chat.postMessage');
    expect(JSON.stringify(followUp!.args)).toContain('offered by AAPC');
    expect(h.fake.callsTo('assistant.threads.setTitle')).toHaveLength(0);
  });

  it('pressing the thumbs down records the feedback on the asker\'s question and triages it once', async () => {
    await ask('UCAND2', '503.1', 'how long is the training?');
    const [answer] = await h.fake.waitFor('chat.postMessage');
    const thumbs = (answer!.args.blocks as { type: string; elements?: { negative_button?: { value: string } }[] }[]).find((b) => b.type === 'context_actions')!.elements![0]!;
    h.fake.reset();
    const press = () =>
      sendSigned(h.events, formBody({ payload: JSON.stringify({ type: 'block_actions', team: { id: 'T1' }, api_app_id: 'A1', trigger_id: 't', user: { id: 'UCAND2' }, container: { type: 'message', channel_id: 'DAS', message_ts: '503.2', thread_ts: '503.1' }, channel: { id: 'DAS' }, message: { ts: '503.2' }, response_url: h.fake.responseUrl('fb'), actions: [{ type: 'feedback_buttons', action_id: 'faq_feedback', block_id: 'x', action_ts: '1', value: thumbs.negative_button!.value }] }) }), 'application/x-www-form-urlencoded', SECRET);
    await press();
    await press();
    await h.fake.waitFor('response_url/fb', 2);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CADV')).toHaveLength(1);
    expect((await h.store.since(0)).find((q) => q.question === 'how long is the training?')!.helpful).toBe(false);
  });

  it('a retried message gets no second answer, and the bot\'s own message in the thread is ignored', async () => {
    const message = { type: 'message', channel_type: 'im', channel: 'DAS', user: 'UCAND3', text: 'do I need a degree?', ts: '505.2', thread_ts: '505.1' };
    await event(message);
    await sendSigned(h.events, JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: `EvAs${n}`, event_time: 1, event: message, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }] }), 'application/json', SECRET, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await event({ type: 'message', channel_type: 'im', channel: 'DAS', user: 'UBOT', bot_id: 'B1', text: 'No. Most entry-level roles…', ts: '505.3', thread_ts: '505.1' });
    await h.fake.waitFor('chat.postMessage');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('bad input: an assistant event without its thread is refused before Bolt reads it; a context for an unknown channel is kept; nobody is answered', async () => {
    expect((await event({ type: 'assistant_thread_started', event_ts: '1.1' })).status).toBe(400);
    expect((await event({ type: 'assistant_thread_started', assistant_thread: { user_id: 'UX' } })).status).toBe(400);
    expect((await event({ type: 'message', channel_type: 'im', channel: '', user: '', text: '', ts: '1.1', thread_ts: '1.1' })).status).toBe(400);
    expect((await event({ type: 'assistant_thread_context_changed', assistant_thread: { channel_id: 'DAS', thread_ts: '506.1', context: { channel_id: 'CNOWHERE' } } })).status).toBe(200);
    expect((await event({ type: 'assistant_thread_started', assistant_thread: { channel_id: 'DAS', thread_ts: '507.1' } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    // The thread without a user gets the greeting (to the thread), nothing else; nothing crashed or went unhandled.
    expect(h.fake.callsTo('chat.postMessage').every((c) => c.args.thread_ts === '507.1')).toBe(true);
    expect(h.logs.join('')).not.toMatch(/unhandled/i);
    expect((await fetch(`${h.app.url}healthz`)).status).toBe(200);
  });

  it('an advisor asking for the summary gets it in the thread', async () => {
    await ask('UADV', '504.1', 'stats');
    const [summary] = await h.fake.waitFor('chat.postMessage');
    expect(JSON.stringify(summary!.args)).toContain('Answer rate');
  });
});
