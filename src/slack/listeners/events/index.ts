import type { App } from '@slack/bolt';
import { answerInConversation } from '../../ask.js';
import { buildHomeView } from '../../blocks/render-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { advisorSummaryBlocks, isAdvisor } from '../../advisors.js';

/** Mentions are answered in the thread of the question; the App Home shows topics and commands. */
export function register(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client, logger }) => {
    if (event.subtype !== undefined || event.bot_id !== undefined) return;
    const thread = event.thread_ts ?? event.ts;
    try {
      if (!(await deps.state.firstTime(`${event.channel}:${event.ts}`))) return;
      await deps.state.follow(`${event.channel}:${thread}`);
      await answerInConversation(deps, client, { channel: event.channel, user: event.user ?? 'unknown', text: event.text, threadTs: thread });
    } catch (error) {
      logger.error(`could not answer a mention in ${event.channel}: ${(error as Error).message}`);
    }
  });

  // Uninstalled, or its bot token revoked: the workspace's installation is deleted, on every instance.
  app.event('app_uninstalled', async ({ context, logger }) => {
    try {
      await deps.oauth?.installations.deleteInstallation({ teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall ?? false });
      if (deps.oauth) logger.info(`the app was uninstalled from ${context.teamId ?? context.enterpriseId}; its installation is deleted`);
    } catch (error) {
      logger.error(`could not delete an uninstalled workspace's installation: ${(error as Error).message}`);
    }
  });

  app.event('tokens_revoked', async ({ event, context, logger }) => {
    if ((event.tokens?.bot ?? []).length === 0) return;
    try {
      await deps.oauth?.installations.deleteInstallation({ teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall ?? false });
    } catch (error) {
      logger.error(`could not delete a revoked workspace's installation: ${(error as Error).message}`);
    }
  });

  app.event('app_home_opened', async ({ event, client, logger }) => {
    if (event.tab !== 'home') return;
    try {
      const engine = deps.engine();
      const view = buildHomeView(engine.topics(), engine.kb.commands);
      const summary = isAdvisor(deps, event.user) ? await advisorSummaryBlocks(deps) : null;
      if (summary) view.blocks.push({ type: 'divider' }, ...summary.slice(0, 100 - view.blocks.length - 1));
      await client.views.publish({ user_id: event.user, view: view as never });
    } catch (error) {
      logger.error(`could not publish the App Home for a user: ${(error as Error).message}`);
    }
  });
}
