import type { webApi } from '@slack/bolt';
import type { Decision } from '../engine/types.js';
import { buildDecisionBlocks, buildNoticeBlocks, type AnswerOptions } from './blocks/render-blocks.js';
import type { SlackDeps } from './deps.js';
import { loggableQuestion } from '../app/question-log.js';
import { postTriage } from './triage.js';
import { postMessage } from './post.js';

export interface Question {
  readonly channel: string;
  readonly user: string;
  readonly text: string;
  /** Thread to answer in (none: the channel or DM itself). */
  readonly threadTs?: string;
}

/**
 * Decides a question asked in a conversation and posts the answer, under the person's rate limit:
 * the first question over the limit gets one private notice, the rest are dropped. Logs the
 * outcome with the question redacted.
 */
export async function answerInConversation(deps: SlackDeps, client: webApi.WebClient, q: Question, options: AnswerOptions = { feedback: true }): Promise<Decision | null> {
  const where = { channel: q.channel, ...(q.threadTs ? { threadTs: q.threadTs } : {}) };
  const caseOf = (decision: Decision) => ({ question: loggableQuestion(decision), ...where });
  const advisors = deps.advisors.channelId;
  const triage = advisors ? (decision: Decision) => postTriage(client, advisors, deps.engine(), deps.state, caseOf(decision), 'unanswered') : undefined;
  const asked = await deps.conversations.ask({ channel: 'slack', conversation: conversationOf(q), user: q.user, text: q.text }, triage);
  if (asked.kind === 'limited') {
    if (asked.verdict === 'drop') return null;
    const notice = buildNoticeBlocks(deps.engine().kb.notices.rateLimited);
    if (q.channel.startsWith('D')) await postMessage(client, q.channel, notice, q.threadTs);
    else await client.chat.postEphemeral({ channel: q.channel, user: q.user, text: notice.text, blocks: notice.blocks as never, ...(q.threadTs ? { thread_ts: q.threadTs } : {}) });
    return null;
  }
  const { decision, record } = asked;
  await postMessage(client, q.channel, buildDecisionBlocks(decision, { ...options, ...(record ? { recordId: record } : {}) }), q.threadTs);
  if (record) await deps.state.putCase(caseOf(decision), record);
  return decision;
}

/** The conversation a Slack message belongs to: its thread, or the DM itself. */
export function conversationOf(where: { readonly channel: string; readonly threadTs?: string }): string {
  return where.threadTs ? `slack:${where.channel}:${where.threadTs}` : `slack:${where.channel}`;
}
