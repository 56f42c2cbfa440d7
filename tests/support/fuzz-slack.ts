import fc from 'fast-check';
import type { FakeSlack } from './fake-slack.js';
import { FUZZ_SECRET, INTENT_IDS, request, sleep, type Outcome } from './fuzz-server.js';
import { anyText, notText } from './fuzz-web.js';
import { formBody, slackSignature } from './signed.js';

/** The action ids the app's buttons carry (src/slack/blocks/ids.ts, src/slack/triage.ts), and callback ids. */
const ACTION_IDS = ['faq_topic', 'faq_topic_0', 'faq_topic_3', 'faq_share', 'faq_feedback_0', 'faq_feedback_1', 'faq_post_reply', 'faq_triage_send_0', 'faq_triage_reply', 'faq_triage_add'];
const COMMANDS = ['/certs', '/salary', '/faq'];
/** Placeholders resolved when a turn is sent: the fake's response_url, and a button an earlier reply had. */
const RESPONSE = '$response';

/** Mostly `a`, sometimes a value of another type. */
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: a }, notText);
/** Mostly `a`, sometimes anything `b` gives (a random id, say). */
const mostly = <T, U>(a: fc.Arbitrary<T>, b: fc.Arbitrary<U>) => fc.oneof({ weight: 4, arbitrary: a }, b);
const user = mostly(fc.constantFrom('U1', 'U2', 'UADV', 'UBOT'), fc.string({ maxLength: 12 }));
const channel = mostly(fc.constantFrom('D1', 'C1', 'G1'), fc.string({ maxLength: 12 }));
const ts = mostly(fc.nat(99_999).map((n) => `${n}.000100`), fc.string({ maxLength: 12 }));
const jsonOf = (a: fc.Arbitrary<unknown>) => a.map((v) => JSON.stringify(v));
const id = (a: fc.Arbitrary<string>) => a.map((v) => ({ id: v }));
const T1 = fc.constant({ id: 'T1' });

// Events API: DMs, mentions, App Home, other types; fields missing or of the wrong type.
const dm = fc.record(
  { type: fc.constant('message'), channel_type: fc.constantFrom('im', 'im', 'channel', 'mpim'), user, text: anyText, ts, channel, thread_ts: ts, subtype: fc.string(), bot_id: fc.string() },
  { requiredKeys: ['type', 'channel_type', 'user', 'text', 'ts', 'channel'] },
);
const mention = fc.record(
  { type: fc.constant('app_mention'), user, text: anyText.map((t) => `<@UBOT> ${t}`), ts, channel, thread_ts: ts },
  { requiredKeys: ['type', 'user', 'text', 'ts', 'channel'] },
);
const home = fc.record({ type: fc.constant('app_home_opened'), user, tab: fc.constantFrom('home', 'messages', ''), channel }, { requiredKeys: ['type'] });
const sparseEvent = fc.record(
  { type: mostly(fc.constantFrom('message', 'app_mention', 'app_home_opened', 'reaction_added'), fc.string()), user: maybe(user), text: maybe(anyText), ts: maybe(ts), channel: maybe(channel), channel_type: maybe(fc.string()) },
  { requiredKeys: [] },
);
// The assistant panel: threads started or changed, with their thread and context, or without.
const assistantThread = fc.record(
  { user_id: user, channel_id: channel, thread_ts: ts, context: fc.oneof(fc.record({ channel_id: channel, team_id: fc.constant('T1') }, { requiredKeys: [] }), fc.constantFrom(null, 'x', 1)) },
  { requiredKeys: [] },
);
const assistant = fc.record(
  { type: fc.constantFrom('assistant_thread_started', 'assistant_thread_context_changed'), assistant_thread: fc.oneof({ weight: 4, arbitrary: assistantThread }, fc.constantFrom(null, 'x', 1)), event_ts: ts },
  { requiredKeys: ['type'] },
);
const event = fc.oneof({ weight: 4, arbitrary: dm }, { weight: 2, arbitrary: mention }, home, { weight: 2, arbitrary: assistant }, { weight: 2, arbitrary: sparseEvent }, notText);
const eventCallback = fc.record(
  {
    token: fc.constant('x'), team_id: fc.constant('T1'), api_app_id: fc.constant('A1'), type: fc.constant('event_callback'),
    event_id: fc.nat().map((n) => `Ev${n}`), event_time: fc.nat(), event, authorizations: fc.constant([{ team_id: 'T1', user_id: 'UBOT', is_bot: true }]),
  },
  { requiredKeys: ['type', 'event', 'event_id', 'team_id'] },
);

// Slash commands as form bodies.
const command = fc.record(
  {
    token: fc.constant('x'), team_id: fc.constant('T1'), channel_id: channel, user_id: user, command: mostly(fc.constantFrom(...COMMANDS), fc.string().map((s) => `/${s}`)),
    text: anyText, response_url: fc.constant(RESPONSE), trigger_id: fc.constant('t1'),
  },
  { requiredKeys: ['command', 'text', 'response_url', 'user_id', 'channel_id'] },
);

// Button values: what the app writes, the same with wrong types, malformed JSON, anything.
const intents = fc.constantFrom(...INTENT_IDS);
const appValue = fc.record(
  { i: fc.oneof(intents, fc.array(intents, { maxLength: 3 }), notText), h: maybe(fc.boolean()), r: maybe(fc.uuid()), k: maybe(fc.uuid()), c: maybe(channel), t: maybe(ts) },
  { requiredKeys: [] },
);
const actionValue = fc.oneof(
  intents,
  jsonOf(appValue),
  fc.constantFrom('{', '[', 'null', '""', '{"i":', '{"i":null}', '{"i":[]}', '[]', '1', ''),
  fc.string(),
  jsonOf(fc.jsonValue({ maxDepth: 2 })),
);
const randomAction = fc.record(
  {
    type: fc.constantFrom('button', 'static_select'), action_id: mostly(fc.constantFrom(...ACTION_IDS), fc.string()), block_id: fc.constant('b'), action_ts: fc.constant('1'),
    value: maybe(actionValue), selected_option: fc.record({ value: maybe(actionValue) }),
  },
  { requiredKeys: ['action_id', 'type'] },
);
/** A random action, or `{replay: n}`: the nth real button of the app's replies so far (see `resolve`). */
const action = fc.oneof({ weight: 2, arbitrary: randomAction }, fc.nat(9).map((n) => ({ replay: n })));
const blockActions = fc.record(
  {
    type: fc.constant('block_actions'), team: T1, user: maybe(id(user)), api_app_id: fc.constant('A1'), trigger_id: fc.constant('t'),
    container: fc.record({ type: fc.constantFrom('message', 'view'), channel_id: channel, message_ts: ts, is_ephemeral: fc.boolean() }),
    channel: id(channel), message: fc.record({ ts, text: fc.constant('x') }), response_url: fc.constant(RESPONSE),
    actions: fc.oneof({ weight: 6, arbitrary: fc.array(action, { minLength: 1, maxLength: 2 }) }, fc.constant([]), notText),
  },
  { requiredKeys: ['type', 'actions', 'user', 'team'] },
);

// Modal submissions (the advisor's reply), and the message shortcut.
const replyState = fc.record({ values: fc.record({ reply: fc.record({ text: fc.record({ type: fc.constant('plain_text_input'), value: maybe(anyText) }) }) }) });
const view = fc.record(
  {
    id: fc.constant('V1'), type: fc.constant('modal'), callback_id: mostly(fc.constant('faq_triage_reply_modal'), fc.string()),
    private_metadata: maybe(fc.oneof(actionValue, jsonOf(fc.record({ k: fc.uuid(), c: channel, t: ts }, { requiredKeys: [] })))),
    state: fc.oneof(replyState, fc.record({ values: fc.jsonValue({ maxDepth: 3 }) }), notText),
  },
  { requiredKeys: ['callback_id', 'id'] },
);
const viewSubmission = fc.record(
  { type: fc.constant('view_submission'), team: T1, user: id(user), api_app_id: fc.constant('A1'), trigger_id: fc.constant('t'), view: maybe(view) },
  { requiredKeys: ['type', 'view', 'user'] },
);
const shortcut = fc.record(
  {
    type: fc.constant('message_action'), callback_id: mostly(fc.constant('find_answer'), fc.string()), trigger_id: fc.constant('t'), response_url: fc.constant(RESPONSE), team: T1,
    channel: id(channel), user: id(user), message_ts: ts, message: fc.record({ type: fc.constant('message'), user, ts, text: maybe(anyText) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['type', 'callback_id', 'user'] },
);

/** How a body is sent: JSON, a form, an interactive `payload=` form, or raw bytes. */
type Send = { json: unknown } | { form: Record<string, string> } | { payload: unknown } | { raw: string; contentType: string };
const send: fc.Arbitrary<Send> = fc.oneof(
  { weight: 6, arbitrary: eventCallback.map((json) => ({ json })) },
  fc.record({ type: fc.constant('url_verification'), challenge: maybe(fc.string()) }).map((json) => ({ json })),
  { weight: 4, arbitrary: command.map((form) => ({ form })) },
  { weight: 5, arbitrary: blockActions.map((payload) => ({ payload })) },
  { weight: 2, arbitrary: viewSubmission.map((payload) => ({ payload })) },
  shortcut.map((payload) => ({ payload })),
  fc.constantFrom(null, [], 1, 'x', {}, true).map((json) => ({ json })),
  fc.oneof(
    fc.constantFrom('payload=null', 'payload=[]', 'payload=1', 'payload=%22x%22', 'payload=%7B', 'payload=', 'payload=%7B%7D', '', 'ssl_check=1', 'command=%2Ffaq'),
    fc.string().map((s) => formBody({ payload: s })),
  ).map((raw) => ({ raw, contentType: 'application/x-www-form-urlencoded' })),
  fc.oneof(fc.constantFrom('{', '', 'null'), fc.string()).map((raw) => ({ raw, contentType: 'application/json' })),
);
export interface SlackTurn {
  readonly signing: 'good' | 'none' | 'forged' | 'stale' | 'wrong-secret';
  /** Sent as a retry of an earlier delivery (X-Slack-Retry-Num). */
  readonly retry: boolean;
  readonly send: Send;
}
const turn = fc.record({
  signing: fc.oneof({ weight: 16, arbitrary: fc.constant('good' as const) }, fc.constantFrom('none' as const, 'forged' as const, 'stale' as const, 'wrong-secret' as const)),
  retry: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true)),
  send,
});
/** One Slack sequence: 1-8 requests. */
export const slackSequence: fc.Arbitrary<SlackTurn[]> = fc.array(turn, { minLength: 1, maxLength: 8 });

/** Every button (action_id with a value or options) in the calls the app made to the fake Slack. */
function buttons(fake: FakeSlack, from: number): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.action_id === 'string' && (typeof o.value === 'string' || Array.isArray(o.options))) found.push(o);
      Object.values(o).forEach(walk);
    }
  };
  fake.calls.slice(from).forEach((c) => walk(c.args));
  return found;
}

/** Replaces placeholders: `$response` by the fake's response_url, `{replay: n}` by the nth real button seen this sequence. */
function resolve(v: unknown, fake: FakeSlack, seen: Record<string, unknown>[]): unknown {
  if (v === RESPONSE) return fake.responseUrl('fuzz');
  if (Array.isArray(v)) return v.map((x) => resolve(x, fake, seen));
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (typeof o.replay === 'number' && Object.keys(o).length === 1) {
    const b = seen[o.replay % Math.max(seen.length, 1)] ?? { action_id: 'faq_topic_0', value: 'salary' };
    const options = Array.isArray(b.options) ? (b.options as Record<string, unknown>[]) : [];
    const picked = options.length > 0 ? { type: 'static_select', selected_option: options[o.replay % options.length] } : { type: 'button', value: b.value };
    return { action_id: b.action_id, block_id: 'b', action_ts: '1', ...picked };
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, resolve(x, fake, seen)]));
}

/** The body and content type of a turn, as Slack sends them (always a string: Bolt compares the content type exactly). */
function serialize(s: Send): [string, string] {
  const FORM = 'application/x-www-form-urlencoded';
  if ('json' in s) return [JSON.stringify(s.json), 'application/json'];
  if ('form' in s) return [formBody(s.form), FORM];
  if ('payload' in s) return [formBody({ payload: JSON.stringify(s.payload) }), FORM];
  return [s.raw, s.contentType];
}

function signatureHeaders(signing: SlackTurn['signing'], body: string): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  if (signing === 'none') return {};
  if (signing === 'forged') return { 'x-slack-request-timestamp': String(now), 'x-slack-signature': 'v0=deadbeef' };
  return slackSignature(body, signing === 'wrong-secret' ? 'wrong-secret' : FUZZ_SECRET, signing === 'stale' ? now - 600 : now);
}

/**
 * Sends a sequence to POST /slack/events. Each request is awaited up to `paceMs`, then left to
 * finish on its own: Bolt answers a request no listener acknowledges only after 2.5 s. Returns the
 * requests still in flight (the caller checks they end) and those that already got no answer.
 */
export async function runSlack(events: string, fake: FakeSlack, turns: readonly SlackTurn[], paceMs = 50): Promise<{ problems: string[]; inflight: Promise<string | null>[] }> {
  const start = fake.calls.length;
  const problems: string[] = [];
  const inflight: Promise<string | null>[] = [];
  for (const [n, t] of turns.entries()) {
    const [body, contentType] = serialize(resolve(t.send, fake, buttons(fake, start)) as Send);
    const retry: Record<string, string> = t.retry ? { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } : {};
    const headers = { 'content-type': contentType, ...signatureHeaders(t.signing, body), ...retry };
    const label = `turn ${n + 1} (POST /slack/events ${contentType} ${body.slice(0, 300)})`;
    const answered = request(events, { method: 'POST', headers, body }).then((r: Outcome) => ('error' in r ? `${label}: ${r.error}` : null));
    const early = await Promise.race([answered, sleep(paceMs).then(() => undefined)]);
    if (early === undefined) inflight.push(answered);
    else if (early !== null) problems.push(early);
  }
  return { problems, inflight };
}
