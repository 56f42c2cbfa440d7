import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION, actionPattern, parseFeedbackValue, parseValue, type ReplyValue, type ShareValue } from '../../blocks/ids.js';
import { buildDecisionBlocks, buildNoticeBlocks, buildQuoteBlocks } from '../../blocks/render-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { postMessage } from '../../post.js';
import { postTriage } from '../../triage.js';
import { conversationOf } from '../../ask.js';

/** How long a record's "not helpful" triage post is remembered (past the store's retention is moot). */
const TRIAGE_ONCE_MS = 90 * 24 * 60 * 60 * 1000;

interface Container {
  readonly type?: string;
  readonly channel_id?: string;
  readonly message_ts?: string;
  readonly thread_ts?: string;
  readonly is_ephemeral?: boolean;
}

/** Button presses: topics answer where they were pressed, share and post-reply make an answer visible, feedback is recorded. */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(actionPattern(ACTION.topic), async ({ ack, body, action, client, respond, logger }) => {
    await ack();
    try {
      const container = body.container as Container;
      const inDm = container.channel_id?.startsWith('D') === true;
      const thread = container.thread_ts ?? (inDm ? undefined : container.message_ts);
      // A topic pressed in a conversation becomes its topic, so "who offers it?" follows on from the button.
      const conversation = container.channel_id && !container.is_ephemeral ? conversationOf({ channel: container.channel_id, ...(thread ? { threadTs: thread } : {}) }) : `slack:command:${body.user.id}`;
      const decision = await deps.conversations.topic(conversation, [action.value ?? '']);
      if (container.is_ephemeral || !container.channel_id) {
        if (container.type === 'view') await postMessage(client, body.user.id, buildDecisionBlocks(decision, { feedback: true }));
        else await respond({ response_type: 'ephemeral', replace_original: false, ...buildDecisionBlocks(decision, { share: true }) } as never);
        return;
      }
      if (thread) await deps.state.follow(`${container.channel_id}:${thread}`);
      await postMessage(client, container.channel_id, buildDecisionBlocks(decision, { feedback: true }), thread);
    } catch (error) {
      logger.error(`could not answer a topic button: ${(error as Error).message}`);
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION.share, async ({ ack, body, action, client, respond, logger }) => {
    await ack();
    const value = parseValue<ShareValue>(action.value);
    const channel = body.channel?.id;
    if (!value || !channel) return;
    try {
      const decision = deps.engine().decideIntents(value.i);
      await postMessage(client, channel, buildDecisionBlocks(decision, { feedback: true, sharedBy: body.user.id }));
      await respond({ delete_original: true });
    } catch (error) {
      logger.error(`could not share an answer in ${channel}: ${(error as Error).message}`);
      await respond?.({ response_type: 'ephemeral', replace_original: false, ...buildNoticeBlocks("I couldn't post in this channel. Invite me to it and try again.") } as never).catch(() => undefined);
    }
  });

  // "Where does this come from?": the page's sentences behind the answer, to the person who asked.
  app.action<BlockAction<ButtonAction>>(ACTION.source, async ({ ack, body, action, client, respond, logger }) => {
    await ack();
    const value = parseValue<ShareValue>(action.value);
    const ids = Array.isArray(value?.i) ? value.i.filter((i): i is string => typeof i === 'string').slice(0, 5) : [];
    const decision = deps.engine().decideIntents(ids);
    if (decision.kind !== 'answer') return;
    const message = buildQuoteBlocks(decision.answers);
    try {
      if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, ...message } as never);
      else if (body.channel?.id) await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, ...message } as never);
    } catch (error) {
      logger.error(`could not show where an answer comes from: ${(error as Error).message}`);
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION.postReply, async ({ ack, action, client, respond, logger }) => {
    await ack();
    const value = parseValue<ReplyValue>(action.value);
    if (!value) return;
    try {
      await deps.state.follow(`${value.c}:${value.t}`);
      await postMessage(client, value.c, buildDecisionBlocks(deps.engine().decideIntents(value.i), { feedback: true }), value.t);
      await respond({ response_type: 'ephemeral', replace_original: true, ...buildNoticeBlocks('Posted in the thread.') } as never);
    } catch (error) {
      logger.error(`could not post a reply in ${value.c}: ${(error as Error).message}`);
      await respond?.({ response_type: 'ephemeral', replace_original: false, ...buildNoticeBlocks("I couldn't post in that thread. Invite me to the channel and try again.") } as never).catch(() => undefined);
    }
  });

  app.action<BlockAction<ButtonAction>>(actionPattern(ACTION.feedback), async ({ ack, body, action, respond, client, logger }) => {
    await ack();
    const value = parseFeedbackValue(action.value);
    if (!value) return;
    try {
      const result = await deps.outcomes.feedback({ channel: 'slack', user: deps.outcomes.userKey(body.user.id), intent: value.i, helpful: value.h, ...(value.r ? { record: value.r } : {}) });
      if (result === 'ignored') {
        await respond({ response_type: 'ephemeral', replace_original: false, ...buildNoticeBlocks('Only the person who asked can rate this answer.') } as never);
        return;
      }
      const answered = result === 'recorded' && value.r ? await deps.state.getCase(value.r) : undefined;
      // One triage post per answer, however often "not helpful" is pressed.
      if (!value.h && answered && deps.advisors.channelId && (await deps.once.claim(`triage:${value.r}`, TRIAGE_ONCE_MS))) {
        await postTriage(client, deps.advisors.channelId, deps.engine(), deps.state, answered, 'unhelpful');
      }
      await respond({ response_type: 'ephemeral', replace_original: false, ...buildNoticeBlocks('Thanks for the feedback!') } as never);
    } catch (error) {
      logger.error(`could not record feedback: ${(error as Error).message}`);
    }
  });
}
