import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SECRET, startStoredSlackHarness, type StoredSlackHarness } from '../support/slack-app.js';
import { formBody, sendSigned } from '../support/signed.js';

let h: StoredSlackHarness;
const added: [string, string][] = [];
beforeAll(async () => {
  h = await startStoredSlackHarness({}, {
    advisors: { userIds: ['UADV'], channelId: 'CADV' },
    publicUrl: 'https://faq.example.org',
    addUtterance: (intent, text) => {
      added.push([intent, text]);
      return { ok: true, file: 'intents/certs.yaml' };
    },
  });
});
afterAll(() => h.close());
beforeEach(() => h.fake.reset());

let n = 0;
const event = (ev: Record<string, unknown>) =>
  sendSigned(h.events, JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: `EvA${++n}`, event_time: 1, event: ev }), 'application/json', SECRET);
const payload = (p: Record<string, unknown>) => sendSigned(h.events, formBody({ payload: JSON.stringify({ team: { id: 'T1' }, api_app_id: 'A1', trigger_id: 'trig', ...p }) }), 'application/x-www-form-urlencoded', SECRET);
const command = (text: string, user: string) =>
  sendSigned(h.events, formBody({ command: '/faq', text, user_id: user, channel_id: 'C1', team_id: 'T1', response_url: h.fake.responseUrl(`s${++n}`), trigger_id: 't' }), 'application/x-www-form-urlencoded', SECRET);

function triageValue(args: Record<string, unknown>, actionId: RegExp): string {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.action_id === 'string' && actionId.test(o.action_id) && typeof o.value === 'string') found.push(o.value);
      Object.values(o).forEach(walk);
    }
  };
  walk(args.blocks);
  if (!found[0]) throw new Error(`no ${actionId} in ${JSON.stringify(args.blocks)}`);
  return found[0];
}

describe('advisor triage in Slack', () => {
  it('a question the bot cannot answer goes to the advisors\' channel with its closest answers; "Send this answer" answers the candidate in their thread', async () => {
    await event({ type: 'app_mention', user: 'UCAND', text: '<@UBOT> how much is the cpc exam fee?', ts: '70.1', channel: 'CCAND' });
    const posts = await h.fake.waitFor('chat.postMessage', 2);
    const triage = posts.find((p) => p.args.channel === 'CADV')!;
    expect(JSON.stringify(triage.args.blocks)).toContain('I had no answer for this question');
    expect(JSON.stringify(triage.args.blocks)).toContain('>how much is the cpc exam fee?');
    expect(JSON.stringify(triage.args.blocks)).not.toContain('chat.');
    const value = triageValue(triage.args, /faq_triage_send_0/);
    h.fake.reset();
    await payload({ type: 'block_actions', user: { id: 'UADV' }, container: { type: 'message', channel_id: 'CADV', message_ts: '71.1' }, channel: { id: 'CADV' }, message: { ts: '71.1' }, response_url: h.fake.responseUrl('t'), actions: [{ type: 'button', action_id: 'faq_triage_send_0', block_id: 'x', action_ts: '1', value }] });
    const sent = await h.fake.waitFor('chat.postMessage', 2);
    expect(sent.find((p) => p.args.channel === 'CCAND')!.args.thread_ts).toBe('70.1');
    expect(sent.find((p) => p.args.channel === 'CADV')!.args.thread_ts).toBe('71.1');
  });

  it('"Write a reply" opens a modal; its submission reaches the candidate\'s thread, escaped', async () => {
    await event({ type: 'app_mention', user: 'UCAND', text: '<@UBOT> can I park at the clinic?', ts: '80.1', channel: 'CCAND' });
    const triage = (await h.fake.waitFor('chat.postMessage', 2)).find((p) => p.args.channel === 'CADV')!;
    const key = triageValue(triage.args, /faq_triage_reply/);
    h.fake.reset();
    await payload({ type: 'block_actions', user: { id: 'UADV' }, container: { type: 'message', channel_id: 'CADV', message_ts: '81.1' }, channel: { id: 'CADV' }, message: { ts: '81.1' }, response_url: h.fake.responseUrl('t'), actions: [{ type: 'button', action_id: 'faq_triage_reply', block_id: 'triage_actions', action_ts: '1', value: key }] });
    const [open] = await h.fake.waitFor('views.open');
    const view = open!.args.view as { private_metadata: string; callback_id: string };
    expect(view.callback_id).toBe('faq_triage_reply_modal');
    h.fake.reset();
    const r = await payload({ type: 'view_submission', user: { id: 'UADV' }, view: { id: 'V1', callback_id: 'faq_triage_reply_modal', private_metadata: view.private_metadata, state: { values: { reply: { text: { type: 'plain_text_input', value: 'Ask the front desk <!channel>' } } } } } });
    expect(r.status).toBe(200);
    const posted = await h.fake.waitFor('chat.postMessage', 2);
    const toCandidate = posted.find((p) => p.args.channel === 'CCAND')!;
    expect(toCandidate.args.thread_ts).toBe('80.1');
    expect(JSON.stringify(toCandidate.args)).toContain('Ask the front desk &lt;!channel&gt;');
  });

  it('"Add as an utterance of…" writes the question to the chosen intent', async () => {
    await event({ type: 'app_mention', user: 'UCAND', text: '<@UBOT> is the cpc hard to pass?', ts: '90.1', channel: 'CCAND' });
    const triage = (await h.fake.waitFor('chat.postMessage', 2)).find((p) => p.args.channel === 'CADV')!;
    const option = (JSON.parse(JSON.stringify(triage.args.blocks)) as { elements?: { options?: { value: string }[] }[] }[])
      .flatMap((b) => b.elements ?? [])
      .flatMap((e) => e.options ?? [])
      .find((o) => JSON.parse(o.value).i === 'certs.cpc')!;
    h.fake.reset();
    await payload({ type: 'block_actions', user: { id: 'UADV' }, container: { type: 'message', channel_id: 'CADV', message_ts: '91.1' }, channel: { id: 'CADV' }, message: { ts: '91.1' }, response_url: h.fake.responseUrl('t'), actions: [{ type: 'static_select', action_id: 'faq_triage_add', block_id: 'triage_actions', action_ts: '1', selected_option: { text: { type: 'plain_text', text: 'CPC' }, value: option.value } }] });
    const [done] = await h.fake.waitFor('chat.postMessage');
    expect(added.at(-1)).toEqual(['certs.cpc', 'is the cpc hard to pass?']);
    expect(JSON.stringify(done!.args)).toContain('Added');
  });

  it('a question that still holds a redaction placeholder is never added as an utterance', async () => {
    await event({ type: 'app_mention', user: 'UCAND', text: '<@UBOT> can i email jo@example.com about the exam fee?', ts: '92.1', channel: 'CCAND' });
    const triage = (await h.fake.waitFor('chat.postMessage', 2)).find((p) => p.args.channel === 'CADV')!;
    expect(JSON.stringify(triage.args.blocks)).toContain('[EMAIL]');
    const option = (JSON.parse(JSON.stringify(triage.args.blocks)) as { elements?: { options?: { value: string }[] }[] }[]).flatMap((b) => b.elements ?? []).flatMap((e) => e.options ?? [])[0]!;
    const before = added.length;
    h.fake.reset();
    await payload({ type: 'block_actions', user: { id: 'UADV' }, container: { type: 'message', channel_id: 'CADV', message_ts: '93.1' }, channel: { id: 'CADV' }, message: { ts: '93.1' }, response_url: h.fake.responseUrl('t'), actions: [{ type: 'static_select', action_id: 'faq_triage_add', block_id: 'triage_actions', action_ts: '1', selected_option: { text: { type: 'plain_text', text: 'x' }, value: option.value } }] });
    const [refused] = await h.fake.waitFor('chat.postMessage');
    expect(JSON.stringify(refused!.args)).toContain('redaction placeholder ([EMAIL])');
    expect(added.length).toBe(before);
  });

  it('an answer marked not helpful is triaged too', async () => {
    await event({ type: 'message', channel_type: 'im', user: 'UCAND2', text: 'what is the salary?', ts: '95.1', channel: 'DCAND2' });
    const [answer] = await h.fake.waitFor('chat.postMessage');
    const value = triageValue(answer!.args, /faq_feedback_1/);
    expect(JSON.parse(value).r).toMatch(/^[0-9a-f-]{36}$/);
    h.fake.reset();
    await payload({ type: 'block_actions', user: { id: 'UCAND2' }, container: { type: 'message', channel_id: 'DCAND2', message_ts: '96.1' }, channel: { id: 'DCAND2' }, message: { ts: '96.1' }, response_url: h.fake.responseUrl('f'), actions: [{ type: 'button', action_id: 'faq_feedback_1', block_id: 'answer_actions', action_ts: '1', value }] });
    const [triage] = await h.fake.waitFor('chat.postMessage');
    expect(triage!.args.channel).toBe('CADV');
    expect(JSON.stringify(triage!.args.blocks)).toContain('marked my answer as not helpful');
    expect((await h.store.since(0)).find((r) => r.question === 'what is the salary?')!.helpful).toBe(false);
    const [thanks] = await h.fake.waitFor('response_url/f');
    expect(JSON.stringify(thanks!.args)).toContain('Thanks for the feedback');
  });

  it('another person pressing the buttons on an answer changes nothing; the asker pressing "not helpful" again posts no second triage', async () => {
    await event({ type: 'message', channel_type: 'im', user: 'UOWN', text: 'how long is the training?', ts: '97.1', channel: 'DOWN' });
    const [answer] = await h.fake.waitFor('chat.postMessage');
    const unhelpful = triageValue(answer!.args, /faq_feedback_1/);
    const helpful = triageValue(answer!.args, /faq_feedback_0/);
    const press = (user: string, value: string, tag: string) =>
      payload({ type: 'block_actions', user: { id: user }, container: { type: 'message', channel_id: 'DOWN', message_ts: '98.1' }, channel: { id: 'DOWN' }, message: { ts: '98.1' }, response_url: h.fake.responseUrl(tag), actions: [{ type: 'button', action_id: 'faq_feedback_1', block_id: 'answer_actions', action_ts: '1', value }] });
    const row = async () => (await h.store.since(0)).find((r) => r.question === 'how long is the training?')!;
    h.fake.reset();
    await press('UOTHER', unhelpful, 'o1');
    const [refused] = await h.fake.waitFor('response_url/o1');
    expect(JSON.stringify(refused!.args)).toContain('Only the person who asked');
    expect((await row()).helpful).toBeNull();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);

    await press('UOWN', unhelpful, 'f1');
    await h.fake.waitFor('response_url/f1');
    await press('UOWN', helpful, 'f2');
    await h.fake.waitFor('response_url/f2');
    await press('UOWN', unhelpful, 'f3');
    await h.fake.waitFor('response_url/f3');
    await press('UOTHER', helpful, 'o2');
    await h.fake.waitFor('response_url/o2');
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CADV')).toHaveLength(1);
    expect((await row()).helpful).toBe(false);
  });

  it('/faq stats shows advisors the summary and tells others it is for advisors', async () => {
    await command('stats', 'UADV');
    const [summary] = await h.fake.waitFor(`response_url/s${n}`);
    const text = JSON.stringify(summary!.args.blocks);
    expect(text).toContain('Answer rate');
    expect(text).toContain('Unanswered or unhelpful');
    h.fake.reset();
    await command('stats', 'UCAND');
    const [refused] = await h.fake.waitFor(`response_url/s${n}`);
    expect(JSON.stringify(refused!.args)).toContain('for advisors');
  });

  it('/faq dashboard sends an advisor a private one-time sign-in link that opens the dashboard; others are told it is for advisors', async () => {
    await command('dashboard', 'UADV');
    const [reply] = await h.fake.waitFor(`response_url/s${n}`);
    expect(reply!.args.response_type ?? 'ephemeral').toBe('ephemeral');
    const url = /https:\/\/faq\.example\.org\/admin\/login\?token=([A-Za-z0-9_-]{43})/.exec(JSON.stringify(reply!.args));
    expect(url).not.toBeNull();
    const signIn = await fetch(`${h.app.url}admin/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${url![1]}`, redirect: 'manual' });
    expect(signIn.status).toBe(303);
    expect((await h.store.auditLog(5))).toEqual([]);
    h.fake.reset();
    await command('dashboard', 'UCAND');
    const [refused] = await h.fake.waitFor(`response_url/s${n}`);
    expect(JSON.stringify(refused!.args)).toContain('for advisors');
    expect(JSON.stringify(refused!.args)).not.toContain('token=');
  });

  it('an advisor\'s App Home adds the summary; a candidate\'s does not', async () => {
    await event({ type: 'app_home_opened', user: 'UADV', channel: 'D1', tab: 'home' });
    await event({ type: 'app_home_opened', user: 'UCAND', channel: 'D2', tab: 'home' });
    const views = await h.fake.waitFor('views.publish', 2);
    const byUser = Object.fromEntries(views.map((v) => [v.args.user_id, JSON.stringify(v.args.view)]));
    expect(byUser.UADV).toContain('Helpful rate');
    expect(byUser.UCAND).not.toContain('Helpful rate');
  });
});
