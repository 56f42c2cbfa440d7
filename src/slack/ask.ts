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
  const verdict = deps.limiter.check(q.user);
  if (verdict === 'drop') return null;
  const engine = deps.engine();
  if (verdict === 'notice') {
    const notice = buildNoticeBlocks(engine.kb.notices.rateLimited);
    if (q.channel.startsWith('D')) await postMessage(client, q.channel, notice, q.threadTs);
    else await client.chat.postEphemeral({ channel: q.channel, user: q.user, text: notice.text, blocks: notice.blocks as never, ...(q.threadTs ? { thread_ts: q.threadTs } : {}) });
    return null;
  }
  const decision = engine.decide(q.text);
  const recordId = await deps.outcomes.question('slack', q.user, decision);
  await postMessage(client, q.channel, buildDecisionBlocks(decision, { ...options, recordId }), q.threadTs);
  const triageCase = { question: loggableQuestion(decision), channel: q.channel, ...(q.threadTs ? { threadTs: q.threadTs } : {}) };
  if (recordId) deps.triage.put(triageCase, recordId);
  if (decision.kind === 'fallback' && deps.advisors.channelId && decision.text.trim() !== '') {
    await postTriage(client, deps.advisors.channelId, engine, deps.triage, triageCase, 'unanswered').catch((error: Error) =>
      deps.logger.error({ err: error }, 'could not post a question for advisor triage'),
    );
  }
  return decision;
}
