import type { App, MessageShortcut } from '@slack/bolt';
import { SHORTCUT } from '../../blocks/ids.js';
import { buildDecisionBlocks } from '../../blocks/render-blocks.js';
import type { SlackDeps } from '../../deps.js';

/** "Find an answer" on any message (for advisors): the best answer, privately, with a button to post it in that message's thread. */
export function register(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUT.findAnswer, async ({ ack, shortcut, respond, logger }) => {
    await ack();
    try {
      const decision = deps.engine().decide(shortcut.message.text ?? '');
      const replyTo = { channel: shortcut.channel.id, ts: shortcut.message.thread_ts ?? shortcut.message.ts };
      await respond({ response_type: 'ephemeral', ...buildDecisionBlocks(decision, { replyTo }) } as never);
    } catch (error) {
      logger.error(`could not find an answer for a shortcut: ${(error as Error).message}`);
    }
  });
}
