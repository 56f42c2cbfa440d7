import type { App, RespondFn } from '@slack/bolt';
import type { Command } from '../../../engine/types.js';
import { buildDecisionBlocks, buildNoticeBlocks } from '../../blocks/render-blocks.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import type { SlackDeps } from '../../deps.js';
import { advisorSummaryBlocks, isAdvisor } from '../../advisors.js';

async function reply(respond: RespondFn, message: { text: string; blocks: unknown[] }): Promise<void> {
  await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks as never });
}

/**
 * Every slash command declared in intents/commands.yaml. A command answers with its intent; one with
 * `items` answers for a named item (`/certs rhit`), or with the list and a hint when the name is
 * unknown; `/faq <question>` answers any question. Answers are private with "Share in channel".
 * Each acks first, well inside Slack's three seconds, then answers through the response URL.
 */
export function register(app: App, deps: SlackDeps): void {
  for (const spec of deps.engine().kb.commands) {
    app.command(spec.command, async ({ command, ack, respond, logger }) => {
      await ack();
      try {
        const verdict = await deps.conversations.admit(command.user_id);
        if (verdict === 'drop') return;
        if (verdict === 'notice') {
          await reply(respond, buildNoticeBlocks(deps.engine().kb.notices.rateLimited));
          return;
        }
        await reply(respond, await answerCommand(deps, spec, command.text ?? '', command.user_id));
      } catch (error) {
        logger.error(`could not answer ${spec.command}: ${(error as Error).message}`);
      }
    });
  }
}

async function statsReply(deps: SlackDeps, user: string): Promise<{ text: string; blocks: unknown[] }> {
  if (!isAdvisor(deps, user)) return buildNoticeBlocks('`stats` is for advisors (ADVISOR_USER_IDS).');
  const blocks = await advisorSummaryBlocks(deps);
  if (!blocks) return buildNoticeBlocks('No question store is configured, so there are no figures yet.');
  return { text: 'Advisor summary', blocks };
}

/** `/faq dashboard`: a one-time sign-in link to the advisor dashboard, privately, for advisors only. */
async function dashboardReply(deps: SlackDeps, user: string): Promise<{ text: string; blocks: unknown[] }> {
  if (!isAdvisor(deps, user)) return buildNoticeBlocks('The dashboard is for advisors (ADVISOR_USER_IDS).');
  if (!deps.dashboard) return buildNoticeBlocks('The dashboard needs a question store, and this bot runs without one.');
  if (!deps.dashboard.baseUrl) return buildNoticeBlocks('Set PUBLIC_URL to the bot\'s address so I can link the dashboard (or run `npx faqbot admin-link --base <address>` on the server).');
  const token = await deps.dashboard.links.issue(`Slack advisor ${deps.outcomes.userKey(user).slice(0, 6)}`);
  const url = `${deps.dashboard.baseUrl}/admin/login?token=${token}`;
  return { text: `Your dashboard sign-in link (works once, for 15 minutes): ${url}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `<${url}|Open the advisor dashboard>: this link signs you in once, for the next 15 minutes. Do not share it.` } }] };
}

/** The reply to one slash command with its text. */
export async function answerCommand(deps: SlackDeps, spec: Command, argument: string, user = ''): Promise<{ text: string; blocks: unknown[] }> {
  const engine = deps.engine();
  const current = engine.kb.commands.find((c) => c.command === spec.command) ?? spec;
  const arg = argument.trim();
  const hint = current.hint ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(current.hint), verbatim: true }] }] : [];
  if (current.ask && /^stats$/i.test(arg)) return statsReply(deps, user);
  if (current.ask && /^dashboard$/i.test(arg)) return dashboardReply(deps, user);
  // With several careers, a command answers for the career its text names, or asks which one.
  const forCareers = engine.forCareers(current.intent, arg);
  if (forCareers.length === 1 && forCareers[0] !== current.intent) return buildDecisionBlocks(engine.decideIntents(forCareers), { share: true, feedback: true });
  const whichCareer = () => {
    const choices = forCareers.map((id) => engine.topics().find((t) => t.intent === id) ?? { intent: id, label: id });
    return buildDecisionBlocks({ kind: 'clarify', text: arg, intent: forCareers[0]!, confidence: 1, alternatives: [], choices });
  };
  if (forCareers.length > 1 && (arg === '' || /^help$/i.test(arg))) return whichCareer();
  if (arg === '' || /^help$/i.test(arg)) {
    const m = buildDecisionBlocks(engine.decideIntents([current.intent]), { share: true });
    return { text: m.text, blocks: [...m.blocks, ...hint] };
  }
  if (current.items) {
    // Every career's collection of that name (`certifications`, `pharmacy-technician.certifications`).
    const collections = Object.keys(engine.kb.knowledge.collections).filter((id) => id === current.items || id.endsWith(`.${current.items}`));
    const item = collections.map((c) => engine.findItem(c, arg)).find((i) => i !== undefined);
    if (item) return buildDecisionBlocks(engine.decideIntents([item]), { share: true, feedback: true });
    if (forCareers.length > 1) return whichCareer();
    const m = buildDecisionBlocks(engine.decideIntents([current.intent]), { share: true });
    const unknown = { type: 'section', text: { type: 'mrkdwn', text: `I don't know "${escapeMrkdwn(arg.slice(0, 100))}".`, verbatim: true } };
    return { text: m.text, blocks: [unknown, ...m.blocks, ...hint] };
  }
  if (current.ask) {
    // `/faq` questions of one person form one private conversation, so `/faq who offers it?` follows on.
    const { decision, record } = await deps.conversations.answer({ channel: 'slack', conversation: `slack:command:${user}`, user, text: arg });
    return buildDecisionBlocks(decision, { share: true, feedback: true, ...(record ? { recordId: record } : {}) });
  }
  // Several careers and text that names none of them: which career, never the first one by default.
  if (forCareers.length > 1) return whichCareer();
  return buildDecisionBlocks(engine.decideIntents([current.intent]), { share: true, feedback: true });
}
