import type { Decision } from '../engine/types.js';
import { decisionText } from '../render/plain-text.js';

/** The JSON object `faqbot ask --json` writes for one question. */
export interface AskResult {
  readonly text: string;
  readonly intent: string;
  readonly confidence: number;
  readonly answer: string;
  readonly alternatives: readonly { intent: string; confidence: number }[];
}

/** Shapes one decided question as the CLI's JSON contract. */
export function askResult(text: string, d: Decision): AskResult {
  return {
    text,
    intent: d.intent,
    confidence: d.confidence,
    answer: decisionText(d, undefined, false),
    alternatives: d.alternatives.filter((a) => a.intent !== d.intent).map((a) => ({ intent: a.intent, confidence: a.confidence })),
  };
}

/** One input line of `ask --json`: plain text, or `{"text": "...", "conversation": "c1"}`. */
export interface AskLine {
  readonly text: string;
  readonly conversation?: string;
}

/** Reads an input line: a JSON object with a string `text` is a turn of its `conversation`; anything else is plain text. */
export function parseAskLine(line: string): AskLine {
  if (!line.trimStart().startsWith('{')) return { text: line };
  try {
    const value = JSON.parse(line) as { text?: unknown; conversation?: unknown };
    if (typeof value.text !== 'string') return { text: line };
    const conversation = typeof value.conversation === 'string' || typeof value.conversation === 'number' ? String(value.conversation) : undefined;
    return { text: value.text, ...(conversation !== undefined ? { conversation } : {}) };
  } catch {
    return { text: line };
  }
}
