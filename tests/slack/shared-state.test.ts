import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { PG_URL, postgresReachable } from '../support/postgres.js';
import { SECRET, startSlackHarness, type SlackHarness } from '../support/slack-app.js';
import { formBody, sendSigned } from '../support/signed.js';

const backends: { name: string; enabled: boolean; open: () => Promise<Store> }[] = [
  { name: 'sqlite', enabled: true, open: async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'faqbot-shared-')), 'faqbot.db')) },
  { name: 'postgres', enabled: await postgresReachable(), open: async () => PostgresStore.open(PG_URL!) },
];

let seq = Date.now() % 100000;
const event = (h: SlackHarness, ev: Record<string, unknown>, id: string, retry?: string) =>
  sendSigned(h.events, JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: id, event_time: 1, event: ev, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }] }), 'application/json', SECRET, retry ? { headers: { 'x-slack-retry-num': retry, 'x-slack-retry-reason': 'http_timeout' } } : {});
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const backend of backends) {
  describe.runIf(backend.enabled)(`two instances on one ${backend.name} store behave as one bot`, () => {
    let a: SlackHarness;
    let b: SlackHarness;
    let stores: Store[];
    beforeAll(async () => {
      const first = await backend.open();
      // Two processes would open the store twice; two stores on one database are the same here.
      const second = backend.name === 'sqlite' ? new SqliteStore((first as unknown as { db: { name: string } }).db.name) : await backend.open();
      stores = [first, second];
      a = await startSlackHarness({}, { store: first, advisors: { userIds: ['UADV'], channelId: 'CADV' } });
      b = await startSlackHarness({}, { store: second, advisors: { userIds: ['UADV'], channelId: 'CADV' } });
    });
    afterAll(async () => {
      await a.close();
      await b.close();
      for (const s of stores) await s.close();
    });

    it('a retried event that reaches the other instance is answered once', async () => {
      const ts = `${++seq}.1`;
      const dm = { type: 'message', channel_type: 'im', user: 'USH1', text: 'what is the salary?', ts, channel: 'DSH1' };
      await event(a, dm, `EvS${seq}`);
      await event(b, dm, `EvS${seq}`, '1');
      await wait(400);
      const posts = [...a.fake.callsTo('chat.postMessage'), ...b.fake.callsTo('chat.postMessage')].filter((c) => c.args.channel === 'DSH1');
      expect(posts).toHaveLength(1);
    });

    it('a thread the bot joined on one instance is followed, in context, on the other', async () => {
      a.fake.reset();
      b.fake.reset();
      const root = `${++seq}.1`;
      await event(a, { type: 'app_mention', user: 'USH2', text: '<@UBOT> tell me about the CPC', ts: root, channel: 'CSH2' }, `EvS${seq}`);
      for (let i = 0; i < 100 && !a.fake.callsTo('chat.postMessage').some((c) => c.args.channel === 'CSH2'); i++) await wait(20);
      await event(b, { type: 'message', channel_type: 'channel', user: 'USH2', text: 'who offers it?', ts: `${++seq}.2`, thread_ts: root, channel: 'CSH2' }, `EvS${seq}`);
      const [reply] = await b.fake.waitFor('chat.postMessage');
      expect(reply!.args.thread_ts).toBe(root);
      expect(JSON.stringify(reply!.args)).toContain('offered by AAPC');
    });

    it('a triage case posted by one instance is acted on by the other; a candidate pressing its buttons is refused', async () => {
      a.fake.reset();
      b.fake.reset();
      await event(a, { type: 'app_mention', user: 'USH3', text: '<@UBOT> how much is the cpc exam fee?', ts: `${++seq}.1`, channel: 'CSH3' }, `EvS${seq}`);
      const posts = await a.fake.waitFor('chat.postMessage', 2);
      const triage = posts.find((p) => p.args.channel === 'CADV')!;
      const value = /"value":"(\{\\"k\\":\\"[^"]+\\",\\"i\\":\\"[^"]+\\"\})"/.exec(JSON.stringify(triage.args.blocks))![1]!.replace(/\\"/g, '"');
      const press = (user: string) =>
        sendSigned(b.events, formBody({ payload: JSON.stringify({ type: 'block_actions', team: { id: 'T1' }, api_app_id: 'A1', trigger_id: 't', user: { id: user }, container: { type: 'message', channel_id: 'CADV', message_ts: '1.1' }, channel: { id: 'CADV' }, message: { ts: '1.1' }, response_url: b.fake.responseUrl('tr'), actions: [{ type: 'button', action_id: 'faq_triage_send_0', block_id: 'x', action_ts: '1', value }] }) }), 'application/x-www-form-urlencoded', SECRET);
      await press('UCANDIDATE');
      await b.fake.waitFor('chat.postEphemeral');
      expect(b.fake.callsTo('chat.postMessage')).toHaveLength(0);
      await press('UADV');
      const sent = await b.fake.waitFor('chat.postMessage', 2);
      expect(sent.some((p) => p.args.channel === 'CSH3')).toBe(true);
    });
  });
}
