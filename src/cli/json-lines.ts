import type { Engine } from '../engine/engine.js';
import { decisionText } from '../render/plain-text.js';

/** The JSON object `faqbot ask --json` writes for one question. */
export interface AskResult {
  readonly text: string;
  readonly intent: string;
  readonly confidence: number;
  readonly answer: string;
  readonly alternatives: readonly { intent: string; confidence: number }[];
}

/** Decides one question and shapes it as the CLI's JSON contract. */
export function askResult(engine: Engine, text: string): AskResult {
  const d = engine.decide(text);
  return {
    text,
    intent: d.intent,
    confidence: d.confidence,
    answer: decisionText(d, undefined, false),
    alternatives: d.alternatives.filter((a) => a.intent !== d.intent).map((a) => ({ intent: a.intent, confidence: a.confidence })),
  };
}
