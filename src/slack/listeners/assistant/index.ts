import { Assistant, type App } from '@slack/bolt';
import type { AssistantThreadContextStore } from '@slack/bolt/dist/AssistantThreadContextStore.js';
import { answerInConversation } from '../../ask.js';
import { advisorSummaryBlocks, isAdvisor } from '../../advisors.js';
import { buildNoticeBlocks } from '../../blocks/render-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { postMessage } from '../../post.js';

interface ThreadMessage {
  readonly channel?: unknown;
  readonly thread_ts?: unknown;
  readonly ts?: unknown;
  readonly text?: unknown;
  readonly user?: unknown;
  readonly bot_id?: unknown;
  readonly subtype?: unknown;
}

/** The thread an assistant event belongs to (`channel:thread_ts`) and the context Slack sent with it. */
function threadOf(payload: unknown): { thread: string; context: Record<string, unknown> } | undefined {
  const p = payload as { assistant_thread?: { channel_id?: unknown; thread_ts?: unknown; context?: unknown }; channel?: unknown; thread_ts?: unknown };
  const channel = p.assistant_thread?.channel_id ?? p.channel;
  const ts = p.assistant_thread?.thread_ts ?? p.thread_ts;
  if (typeof channel !== 'string' || typeof ts !== 'string') return undefined;
  const context = p.assistant_thread?.context;
  return { thread: `${channel}:${ts}`, context: typeof context === 'object' && context !== null ? (context as Record<string, unknown>) : {} };
}

/**
 * Slack's assistant panel: a greeting and suggested prompts from intents/assistant.yaml when a
 * thread opens (advisors get theirs), a status while answering, the answer through the same
 * conversation service as every channel (the thread is the conversation, so follow-ups keep their
 * context), Slack's own thumbs for feedback, and the first topic as the thread's title. The thread
 * context Slack sends is kept through the store, not in one process's memory.
 */
export function register(app: App, deps: SlackDeps): void {
  if (!deps.engine().kb.assistant) return;
  const contexts: AssistantThreadContextStore = {
    get: async (args) => {
      const t = threadOf(args.payload);
      return t ? ((await deps.state.assistantContext(t.thread)) as never) : {};
    },
    save: async (args) => {
      const t = threadOf(args.payload);
      if (t) await deps.state.saveAssistantContext(t.thread, t.context);
    },
  };
  app.assistant(
    new Assistant({
      threadContextStore: contexts,
      threadStarted: async ({ event, say, setSuggestedPrompts, saveThreadContext, logger }) => {
        try {
          const copy = deps.engine().kb.assistant!;
          const advisor = isAdvisor(deps, event.assistant_thread.user_id) && copy.advisorPrompts !== undefined;
          await say({ ...buildNoticeBlocks(advisor ? (copy.advisorGreeting ?? copy.greeting) : copy.greeting) } as never);
          const prompts = (advisor ? copy.advisorPrompts! : copy.prompts).map((p) => ({ title: p.title, message: p.message }));
          await setSuggestedPrompts({ prompts, ...(copy.promptsTitle ? { title: copy.promptsTitle } : {}) });
          await saveThreadContext();
        } catch (error) {
          logger.error(`could not open an assistant thread: ${(error as Error).message}`);
        }
      },
      threadContextChanged: async ({ saveThreadContext, logger }) => {
        try {
          await saveThreadContext();
        } catch (error) {
          logger.error(`could not keep an assistant thread's context: ${(error as Error).message}`);
        }
      },
      userMessage: async ({ message, client, setStatus, setTitle, logger }) => {
        const m = message as ThreadMessage;
        if (m.bot_id !== undefined || m.subtype !== undefined || typeof m.user !== 'string' || typeof m.channel !== 'string' || typeof m.thread_ts !== 'string' || typeof m.ts !== 'string') return;
        const text = typeof m.text === 'string' ? m.text : '';
        try {
          if (!(await deps.state.firstTime(`${m.channel}:${m.ts}`))) return;
          if (isAdvisor(deps, m.user) && /^\s*(stats|summary)\s*$/i.test(text)) {
            const blocks = await advisorSummaryBlocks(deps);
            await postMessage(client, m.channel, blocks ? { text: 'Advisor summary', blocks } : buildNoticeBlocks('No question store is configured, so there are no figures yet.'), m.thread_ts);
            return;
          }
          // A DM thread outside the assistant panel has no status to set: answering matters more.
          await setStatus('is looking that up…').catch(() => undefined);
          const decision = await answerInConversation(deps, client, { channel: m.channel, user: m.user, text, threadTs: m.thread_ts }, { feedback: true, nativeFeedback: true });
          if (decision?.kind === 'answer' && (await deps.state.claimOnce(`assistant-title:${m.channel}:${m.thread_ts}`))) await setTitle(decision.answers[0]!.label).catch(() => undefined);
        } catch (error) {
          logger.error(`could not answer in an assistant thread: ${(error as Error).message}`);
        }
      },
    }),
  );
}
