import type { webApi } from '@slack/bolt';
import type { Engine } from '../engine/engine.js';
import { NONE } from '../engine/types.js';
import { escapeMrkdwn, mrkdwn, plain } from './blocks/mrkdwn.js';
import type { SlackBlock } from './blocks/render-blocks.js';
import type { SlackState, TriageCase } from './state.js';

export const TRIAGE = Object.freeze({
  send: 'faq_triage_send',
  reply: 'faq_triage_reply',
  add: 'faq_triage_add',
  replyModal: 'faq_triage_reply_modal',
});

/** Block Kit of a triage post: the question, its three closest answers to send, a reply button and "add as utterance". */
export function buildTriageBlocks(engine: Engine, key: string, c: TriageCase, reason: 'unanswered' | 'unhelpful'): { text: string; blocks: SlackBlock[] } {
  const closest = engine
    .decide(c.question)
    .alternatives.filter((a) => a.intent !== NONE && engine.topics().some((t) => t.intent === a.intent))
    .slice(0, 3);
  const label = (id: string) => engine.topics().find((t) => t.intent === id)?.label ?? id;
  const why = reason === 'unanswered' ? 'I had no answer for this question' : 'A candidate marked my answer as not helpful';
  const blocks: SlackBlock[] = [
    { type: 'section', text: mrkdwn(`*${why}:*\n>${escapeMrkdwn(c.question)}`) },
    ...closest.map((a, i) => ({
      type: 'section',
      text: mrkdwn(`*${escapeMrkdwn(label(a.intent))}* \`${a.intent}\` (${a.confidence.toFixed(2)})`),
      accessory: { type: 'button', action_id: `${TRIAGE.send}_${i}`, text: plain('Send this answer'), value: JSON.stringify({ k: key, i: a.intent }) },
    })),
    {
      type: 'actions',
      block_id: 'triage_actions',
      elements: [
        { type: 'button', action_id: TRIAGE.reply, text: plain('Write a reply'), value: key },
        {
          type: 'static_select',
          action_id: TRIAGE.add,
          placeholder: plain('Add as an utterance of…'),
          options: engine
            .topics()
            .slice(0, 100)
            .map((t) => ({ text: plain(t.label), value: JSON.stringify({ k: key, i: t.intent }).slice(0, 150) })),
        },
      ],
    },
  ];
  return { text: `${why}: ${escapeMrkdwn(c.question)}`, blocks };
}

/** Posts a question to the advisors' channel for triage. */
export async function postTriage(client: webApi.WebClient, channelId: string, engine: Engine, state: SlackState, c: TriageCase, reason: 'unanswered' | 'unhelpful'): Promise<void> {
  const key = await state.putCase(c);
  const { text, blocks } = buildTriageBlocks(engine, key, c, reason);
  await client.chat.postMessage({ channel: channelId, text, blocks: blocks as never, unfurl_links: false, unfurl_media: false, link_names: false });
}
