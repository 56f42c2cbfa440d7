import { Botkit, type BotWorker, type BotkitMessage } from 'botkit';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine.js';
import type { Logger } from '../log/logger.js';
import type { Outcomes } from '../app/outcomes.js';
import { SessionWebAdapter } from './adapter.js';
import { buildGuideDialog, guideDialogId } from './guide-dialog.js';
import { buildWebReply, buildWebText } from './render-web.js';

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
function botkitResponse(res: ServerResponse): { status(code: number): unknown; json(body: unknown): void; end(): void } {
  let status = 200;
  const send = (body: unknown): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const shim = {
    status(code: number) {
      status = code;
      return shim;
    },
    json: send,
    end: () => send([]),
  };
  return shim;
}

/** The web chat's Botkit controller: the engine's answers, topic buttons, feedback and the guides as dialogs. */
export function createWebBot(engine: () => Engine, logger: Logger, outcomes: Outcomes): WebBot {
  const adapter = new SessionWebAdapter();
  const controller = new Botkit({ adapter, disable_webserver: true, disable_console: true } as never);
  for (const guide of engine().kb.guides) controller.addDialog(buildGuideDialog(controller, guide, engine));

  controller.on('message', async (bot: BotWorker, message: BotkitMessage) => {
    const current = engine();
    const topic = typeof message.topic === 'string' ? message.topic : undefined;
    const decision = topic && current.has(topic) ? current.decideIntents([topic], message.text ?? '') : current.decide(message.text ?? '');
    const record = topic ? undefined : await outcomes.question('web', message.user, decision);
    const guide = decision.kind === 'answer' ? decision.answers[0]!.guide : undefined;
    if (guide && current.kb.guides.some((g) => g.id === guide)) {
      await bot.beginDialog(guideDialogId(current.kb.guides.find((g) => g.id === guide)!));
      return;
    }
    await bot.reply(message, { ...buildWebReply(decision), ...(record ? { record } : {}) } as never);
  });

  controller.on('feedback', async (bot: BotWorker, message: BotkitMessage) => {
    if (typeof message.intent !== 'string' || typeof message.helpful !== 'boolean') return;
    const record = typeof message.record === 'string' ? message.record : undefined;
    await outcomes.feedback({ channel: 'web', user: outcomes.userKey(message.user), intent: message.intent, helpful: message.helpful, ...(record ? { record } : {}) });
    await bot.reply(message, buildWebText('Thanks for the feedback!') as never);
  });

  return {
    async handle(turn, req, res) {
      const body = { ...turn, channel: 'webhook' };
      try {
        await adapter.processActivity(Object.assign(req, { body }) as never, botkitResponse(res) as never, controller.handleTurn.bind(controller));
      } catch (error) {
        logger.error({ err: error }, 'web chat turn failed');
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'Something went wrong; please try again.' }));
        }
      }
    },
    async shutdown() {
      await controller.shutdown();
    },
  };
}
