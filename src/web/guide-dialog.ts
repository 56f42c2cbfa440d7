import { BotkitConversation, type Botkit } from 'botkit';
import type { Engine } from '../engine/engine.js';
import { chooseOutcome, isCancel, pickChoice } from '../engine/guide.js';
import type { Guide } from '../engine/types.js';
import { buildWebReply, buildWebText, type WebReply } from './render-web.js';
import type { Logger } from '../log/logger.js';
import { guarded } from './guarded.js';

/** The Botkit dialog id of a guide. */
export const guideDialogId = (guide: Guide): string => `guide:${guide.id}`;

const CANCEL = { title: 'Cancel', reply: 'cancel' };

/**
 * A guide as a BotkitConversation: its questions with their choices as buttons (typed answers
 * work too), "cancel" at any step, then the answers its answers lead to (each with the page's reason).
 */
export function buildGuideDialog(controller: Botkit, guide: Guide, engine: () => Engine, logger: Logger): BotkitConversation {
  const convo = new BotkitConversation(guideDialogId(guide), controller);
  convo.say(buildWebText(guide.intro) as never);
  for (const question of guide.questions) {
    const prompt = buildWebText(question.ask, [...question.choices.map((c) => ({ title: c.label, reply: c.label })), CANCEL]);
    convo.ask(
      { ...prompt, text: [prompt.text] } as never,
      [
        {
          default: true,
          handler: guarded(logger, async (reply: unknown, dialog, bot) => {
            // Botkit hands over null for an empty message: treat every non-text answer as empty.
            const answer = typeof reply === 'string' ? reply : '';
            if (isCancel(answer)) {
              dialog.setVar('cancelled', true);
              await bot.say(buildWebText(guide.cancelled) as never);
              await dialog.stop();
              return;
            }
            const value = pickChoice(question, answer);
            if (value === undefined) {
              await bot.say(buildWebText(guide.retry) as never);
              await dialog.repeat();
              return;
            }
            dialog.setVar(`answer_${question.key}`, value);
          }),
        },
      ],
      `typed_${question.key}`,
    );
  }
  convo.after(guarded(logger, async (results: Record<string, unknown>, bot) => {
    if (results.cancelled) return;
    const answers = Object.fromEntries(guide.questions.map((q) => [q.key, String(results[`answer_${q.key}`] ?? '')]));
    const outcome = chooseOutcome(guide, answers);
    const reply: WebReply = buildWebReply(engine().decideIntents(outcome.intents));
    await bot.say({ ...reply, text: `${outcome.lead}\n${reply.text}`, blocks: [{ type: 'paragraph', text: outcome.lead }, ...reply.blocks] } as never);
  }));
  return convo;
}
