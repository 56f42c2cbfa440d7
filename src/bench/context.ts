import type { Engine } from '../engine/engine.js';
import type { ConversationContext } from '../engine/types.js';
import type { LabelledDialogue } from '../eval/dialogues.js';
import { percentile } from './measure.js';

export interface ContextCost {
  readonly turns: number;
  /** Per-turn latency without and with the conversation's context, microseconds. */
  readonly aloneP50Us: number;
  readonly withP50Us: number;
  /** Mean time the context adds to a turn, and the 99th percentile of the per-turn difference. */
  readonly addedMeanUs: number;
  readonly addedP99Us: number;
}

/**
 * What the context costs a decision: every turn of the dialogues decided alone and in its
 * conversation's context, interleaved turn by turn so both see the same machine, over `rounds`.
 */
export function measureContext(engine: Engine, dialogues: readonly LabelledDialogue[], rounds = 60): ContextCost {
  const turns: { text: string; context?: ConversationContext }[] = [];
  for (const d of dialogues) {
    let context: ConversationContext | undefined;
    for (const t of d.turns) {
      turns.push({ text: t.text, ...(context ? { context } : {}) });
      context = engine.decide(t.text, context).context;
    }
  }
  const alone: number[] = [];
  const withContext: number[] = [];
  const added: number[] = [];
  const time = (f: () => unknown): number => {
    const t0 = process.hrtime.bigint();
    f();
    return Number(process.hrtime.bigint() - t0) / 1000;
  };
  for (let r = 0; r < rounds; r++) {
    for (const t of turns) {
      const a = time(() => engine.decide(t.text));
      const w = time(() => engine.decide(t.text, t.context));
      if (r === 0) continue;
      alone.push(a);
      withContext.push(w);
      added.push(w - a);
    }
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  return {
    turns: turns.length,
    aloneP50Us: Math.round(percentile(sorted(alone), 50)),
    withP50Us: Math.round(percentile(sorted(withContext), 50)),
    addedMeanUs: Math.round(mean(added)),
    addedP99Us: Math.round(percentile(sorted(added), 99)),
  };
}
