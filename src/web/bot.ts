import { Botkit, type BotWorker, type BotkitMessage } from 'botkit';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine.js';
import type { Logger } from '../log/logger.js';
import type { Outcomes } from '../app/outcomes.js';
import type { ConversationService } from '../app/conversation.js';
import type { Decision } from '../engine/types.js';
import { SessionWebAdapter } from './adapter.js';
import { buildGuideDialog, guideDialogId } from './guide-dialog.js';
import { buildWebReply, buildWebText } from './render-web.js';
import { guarded } from './guarded.js';
import type { DialogStorage } from './dialog-storage.js';

/** A validated web chat message, already bound to the server's session id. */
export interface WebTurn {
  readonly type: 'message' | 'feedback';
  readonly user: string;
  readonly text: string;
  /** A topic button: answer this intent. */
  readonly topic?: string;
  /** Feedback: the intent and whether it helped. */
  readonly intent?: string;
  readonly helpful?: boolean;
  /** Feedback: the stored question it is about. */
  readonly record?: string;
}

export interface WebBot {
  /** Runs one turn through Botkit and writes the replies as a JSON array. */
  handle(turn: WebTurn, req: IncomingMessage, res: ServerResponse): Promise<void>;
  shutdown(): Promise<void>;
}

/** The response object Botkit's web adapter writes to (the subset of Express it uses). */
interface BotkitResponse {
  status(code: number): BotkitResponse;
  json(body: unknown): void;
  end(): void;
}

function botkitResponse(res: ServerResponse): BotkitResponse {
  let status = 200;
  const send = (body: unknown): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const shim: BotkitResponse = {
    status(code: number) {
      status = code;
      return shim;
    },
    json: send,
    end: () => send([]),
  };
  return shim;
}

/** How long one web turn may take before the visitor gets an error instead of a hanging request. */
const TURN_TIMEOUT_MS = 10_000;

function withTimeout(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the turn took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The web chat's Botkit controller: the engine's answers, topic buttons, feedback and the guides as dialogs. */
export function createWebBot(engine: () => Engine, logger: Logger, outcomes: Outcomes, conversations: ConversationService, dialogs: DialogStorage): WebBot {
  const adapter = new SessionWebAdapter();
  const controller = new Botkit({ adapter, storage: dialogs, disable_webserver: true, disable_console: true } as never);
  for (const guide of engine().kb.guides) controller.addDialog(buildGuideDialog(controller, guide, engine, logger));

  controller.on('message', guarded(logger, async (bot: BotWorker, message: BotkitMessage) => {
    const current = engine();
    const topic = typeof message.topic === 'string' ? message.topic : undefined;
    const conversation = `web:${message.user}`;
    const text = typeof message.text === 'string' ? message.text : '';
    let decision: Decision;
    let record: string | undefined;
    if (topic && current.has(topic)) decision = await conversations.topic(conversation, [topic], text);
    else ({ decision, record } = await conversations.answer({ channel: 'web', conversation, user: message.user, text }));
    const guide = decision.kind === 'answer' ? decision.answers[0]!.guide : undefined;
    if (guide && current.kb.guides.some((g) => g.id === guide)) {
      await bot.beginDialog(guideDialogId(current.kb.guides.find((g) => g.id === guide)!));
      return;
    }
    await bot.reply(message, { ...buildWebReply(decision), ...(record ? { record } : {}) } as never);
  }));

  /** A feedback press is not a turn of the conversation: it never reaches Botkit, so a guide in progress stays where it was. */
  async function feedback(turn: WebTurn, res: ServerResponse): Promise<void> {
    const result = await outcomes.feedback({ channel: 'web', user: outcomes.userKey(turn.user), intent: turn.intent!, helpful: turn.helpful!, ...(turn.record ? { record: turn.record } : {}) });
    botkitResponse(res).json([buildWebText(result === 'ignored' ? 'Only the person who asked can rate this answer.' : 'Thanks for the feedback!')]);
  }

  return {
    async handle(turn, req, res) {
      try {
        if (turn.type === 'feedback') return await feedback(turn, res);
        const body = { ...turn, channel: 'webhook' };
        // Botkit runs a turn in a callback it never awaits: a turn that never settles must not hold the request forever.
        await withTimeout(
          adapter.processActivity(Object.assign(req, { body }) as never, botkitResponse(res) as never, controller.handleTurn.bind(controller)),
          TURN_TIMEOUT_MS,
        );
      } catch (error) {
        logger.error({ err: error }, 'web chat turn failed');
        if (!res.headersSent) botkitResponse(res).status(500).json({ error: 'Something went wrong; please try again.' });
      }
    },
    async shutdown() {
      await controller.shutdown();
    },
  };
}
