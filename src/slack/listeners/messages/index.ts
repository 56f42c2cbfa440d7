import type { App } from '@slack/bolt';
import { answerInConversation } from '../../ask.js';
import type { SlackDeps } from '../../deps.js';

interface IncomingMessage {
  readonly channel: string;
  readonly ts: string;
  readonly text?: string;
  readonly thread_ts?: string;
  readonly channel_type?: string;
  readonly subtype?: string;
  readonly bot_id?: string;
  readonly user?: string;
}

/**
 * Direct messages: every question is answered in the DM. In channels, a message in a thread the
 * bot has answered in is a follow-up and is answered there; other channel messages are left alone
 * (mentions are answered by the app_mention listener). Bots, edits, joins and deletions are ignored.
 */
export function register(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, client, context, logger }) => {
    const m = event as unknown as IncomingMessage;
    if (m.subtype !== undefined || m.bot_id !== undefined || typeof m.user !== 'string' || typeof m.channel !== 'string') return;
    if (m.text !== undefined && typeof m.text !== 'string') return;
    const isDm = m.channel_type === 'im';
    const mentionsBot = context.botUserId !== undefined && (m.text ?? '').includes(`<@${context.botUserId}>`);
    try {
      const followUp = !isDm && m.thread_ts !== undefined && !mentionsBot && (await deps.state.follows(`${m.channel}:${m.thread_ts}`));
      if (!isDm && !followUp) return;
      if (!(await deps.state.firstTime(`${m.channel}:${m.ts}`))) return;
      await answerInConversation(deps, client, { channel: m.channel, user: m.user, text: m.text ?? '', threadTs: m.thread_ts });
    } catch (error) {
      logger.error(`could not answer a message in ${m.channel}: ${(error as Error).message}`);
    }
  });
}
