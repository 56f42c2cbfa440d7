import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/start.js';
import { createLogger } from '../../src/log/logger.js';
import { productEngine } from '../helpers.js';
import { FakeSlack } from '../support/fake-slack.js';
import { FakeSocketMode } from '../support/fake-socket.js';

let fake: FakeSlack;
let socket: FakeSocketMode;
let app: RunningApp;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  socket = await new FakeSocketMode().start();
  fake.socketUrl = socket.url;
  const engine = productEngine();
  app = await startApp({
    config: { port: 0, host: '127.0.0.1', logLevel: 'silent', ratePerMinute: 1000, slack: { botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: fake.url, mode: 'socket' } },
    engine: () => engine,
    logger: createLogger('silent'),
    slack: { clientPingTimeoutMs: 300 },
  });
});

afterAll(async () => {
  await app.close();
  await socket.stop();
  await fake.stop();
});

const mention = (ts: string) => ({
  type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: `Ev${ts}`, event_time: 1,
  event: { type: 'app_mention', user: 'U1', text: '<@UBOT> what does the CCA mean?', ts, channel: 'C1', event_ts: ts },
});

describe('Slack in Socket Mode, against a local server speaking the envelope protocol', () => {
  it('connects through apps.connections.open and answers an events_api envelope, acked by envelope_id', async () => {
    await socket.waitForConnection(1);
    expect(fake.callsTo('apps.connections.open').length).toBeGreaterThanOrEqual(1);
    socket.send({ envelope_id: 'env-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, payload: mention('10.1') });
    await socket.waitForAck('env-1');
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post!.args).toMatchObject({ channel: 'C1', thread_ts: '10.1' });
    expect(JSON.stringify(post!.args.blocks)).toContain('Certified Coding Associate');
  });

  it('reconnects after a dropped connection and answers a slash command envelope', async () => {
    socket.drop();
    await socket.waitForConnection(2);
    socket.send({
      envelope_id: 'env-2', type: 'slash_commands', accepts_response_payload: true,
      payload: { command: '/salary', text: '', user_id: 'U1', channel_id: 'C1', team_id: 'T1', response_url: fake.responseUrl('sock'), trigger_id: 't' },
    });
    await socket.waitForAck('env-2');
    const [reply] = await fake.waitFor('response_url');
    expect(JSON.stringify(reply!.args.blocks)).toContain('$50,250');
  });

  it('the assistant panel works in Socket Mode: prompts when a thread opens, the answer in the thread', async () => {
    const event = (id: string, ev: Record<string, unknown>) => ({ envelope_id: id, type: 'events_api', accepts_response_payload: false, retry_attempt: 0, payload: { type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: `Ev${id}`, event_time: 1, event: ev } });
    socket.send(event('env-3', { type: 'assistant_thread_started', assistant_thread: { user_id: 'U9', channel_id: 'D9', thread_ts: '30.1', context: {} }, event_ts: '30.1' }));
    await socket.waitForAck('env-3');
    await fake.waitFor('assistant.threads.setSuggestedPrompts');
    socket.send(event('env-4', { type: 'message', channel_type: 'im', channel: 'D9', user: 'U9', text: 'what do beginners earn?', ts: '30.2', thread_ts: '30.1' }));
    await socket.waitForAck('env-4');
    const answer = (await fake.waitFor('chat.postMessage', 2)).find((c) => JSON.stringify(c.args).includes('$35,780'))!;
    expect(answer.args).toMatchObject({ channel: 'D9', thread_ts: '30.1' });
  });

  it('GET /healthz answers 200 in Socket Mode too', async () => {
    expect((await fetch(`${app.url}healthz`)).status).toBe(200);
  });
});
