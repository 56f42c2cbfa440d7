import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { parseValue } from '../../blocks/ids.js';
import { escapeMrkdwn, mrkdwn, plain } from '../../blocks/mrkdwn.js';
import { buildDecisionBlocks, buildNoticeBlocks } from '../../blocks/render-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { postMessage } from '../../post.js';
import { TRIAGE } from '../../triage.js';

interface Pick {
  readonly k: string;
  readonly i: string;
}

const EXPIRED = 'This question is no longer in my memory (the app restarted); answer the candidate directly.';

/**
 * Advisor triage in the advisors' channel: send one of the closest answers to the candidate's
 * thread, write a reply of their own, or add the question as an utterance of an intent (written
 * to intents/, validated, reloaded) so the next candidate gets the answer.
 */
/** A placeholder the redaction left in a question ("[PHONE]", "[NAME]"): such a question is no example to learn from. */
const REDACTED = /\[(SSN|DATE|PHONE|NAME|EMAIL|ID|withheld[^\]]*)\]/;

export function register(app: App, deps: SlackDeps): void {
  const say = async (client: Parameters<typeof postMessage>[0], channel: string, ts: string | undefined, text: string) =>
    postMessage(client, channel, buildNoticeBlocks(text), ts);
  // When advisors are named, only they may send, reply or add from a triage post; others are told and logged.
  const allowed = async (client: Parameters<typeof postMessage>[0], user: string, where: { channel: string; ts?: string | undefined }): Promise<boolean> => {
    if (deps.advisors.userIds.size === 0 || deps.advisors.userIds.has(user)) return true;
    deps.logger.warn({ user: deps.outcomes.userKey(user) }, 'triage action by someone who is not an advisor: ignored');
    if (where.channel) await client.chat.postEphemeral({ channel: where.channel, user, text: 'Only advisors (ADVISOR_USER_IDS) can act on triage posts.' }).catch(() => undefined);
    return false;
  };

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${TRIAGE.send}(_\\d+)?$`), async ({ ack, body, action, client, logger }) => {
    await ack();
    const pick = parseValue<Pick>(action.value);
    const where = { channel: body.channel?.id ?? '', ts: body.message?.ts };
    try {
      if (!(await allowed(client, body.user.id, where))) return;
      const c = pick && typeof pick.k === 'string' ? await deps.state.getCase(pick.k) : undefined;
      if (!pick || !c) return void (await say(client, where.channel, where.ts, EXPIRED));
      await postMessage(client, c.channel, buildDecisionBlocks(deps.engine().decideIntents([pick.i]), { feedback: true }), c.threadTs);
      await postMessage(client, where.channel, { text: 'sent', blocks: [{ type: 'context', elements: [mrkdwn(`<@${body.user.id}> sent \`${escapeMrkdwn(pick.i)}\` to the candidate.`)] }] }, where.ts);
    } catch (error) {
      logger.error(`could not send a triaged answer: ${(error as Error).message}`);
    }
  });

  app.action<BlockAction<ButtonAction>>(TRIAGE.reply, async ({ ack, body, action, client, logger }) => {
    await ack();
    try {
      if (!(await allowed(client, body.user.id, { channel: body.channel?.id ?? '', ts: body.message?.ts }))) return;
      await client.views.open({
        trigger_id: body.trigger_id,
        view: {
          type: 'modal',
          callback_id: TRIAGE.replyModal,
          private_metadata: JSON.stringify({ k: action.value, c: body.channel?.id, t: body.message?.ts }),
          title: plain('Reply to the candidate', 24),
          submit: plain('Send'),
          close: plain('Cancel'),
          blocks: [{ type: 'input', block_id: 'reply', label: plain('Your reply'), element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 2500 } }],
        },
      });
    } catch (error) {
      logger.error(`could not open the reply modal: ${(error as Error).message}`);
    }
  });

  app.view(TRIAGE.replyModal, async ({ ack, view, body, client, logger }) => {
    await ack();
    try {
      const meta = parseValue<{ k: string; c?: string; t?: string }>(view.private_metadata);
      if (!(await allowed(client, body.user.id, { channel: meta?.c ?? '', ts: meta?.t }))) return;
      const typed = view.state?.values?.reply?.text?.value;
      const text = typeof typed === 'string' ? typed : '';
      const c = meta && typeof meta.k === 'string' ? await deps.state.getCase(meta.k) : undefined;
      if (!c) {
        if (meta?.c) await say(client, meta.c, meta.t, EXPIRED);
        return;
      }
      await postMessage(client, c.channel, { text: escapeMrkdwn(text), blocks: [{ type: 'section', text: mrkdwn(`*From an advisor:*\n${escapeMrkdwn(text)}`) }] }, c.threadTs);
      if (meta?.c) await postMessage(client, meta.c, { text: 'replied', blocks: [{ type: 'context', elements: [mrkdwn(`<@${body.user.id}> replied to the candidate.`)] }] }, meta.t);
    } catch (error) {
      logger.error(`could not send an advisor's reply: ${(error as Error).message}`);
    }
  });

  app.action<BlockAction<StaticSelectAction>>(TRIAGE.add, async ({ ack, body, action, client, logger }) => {
    await ack();
    const pick = parseValue<Pick>(action.selected_option?.value);
    const where = { channel: body.channel?.id ?? '', ts: body.message?.ts };
    try {
      if (!(await allowed(client, body.user.id, where))) return;
      const c = pick && typeof pick.k === 'string' ? await deps.state.getCase(pick.k) : undefined;
      if (!pick || !c) return void (await say(client, where.channel, where.ts, EXPIRED));
      if (!deps.addUtterance) return void (await say(client, where.channel, where.ts, 'Adding utterances is not enabled on this instance.'));
      if (REDACTED.test(c.question)) return void (await say(client, where.channel, where.ts, `Not added: the question still holds a redaction placeholder (${c.question.match(REDACTED)![0]}). Write the question out without it first.`));
      const result = deps.addUtterance(pick.i, c.question);
      const text = result.ok
        ? `Added "${c.question}" to ${pick.i} in ${result.file}; the next candidate who asks gets that answer.`
        : `Could not add it to ${pick.i}: ${result.error}`;
      await say(client, where.channel, where.ts, text);
    } catch (error) {
      logger.error(`could not add an utterance: ${(error as Error).message}`);
    }
  });
}
