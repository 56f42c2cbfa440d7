import { NONE } from '../engine/types.js';

/** One labelled question: `intent` is an id, or a list of ids when several answers are right. */
export interface LabelledQuestion {
  readonly text: string;
  readonly intent: string | readonly string[];
}

export interface Miss {
  readonly text: string;
  readonly expected: readonly string[];
  readonly predicted: string;
  readonly confidence: number;
}

export interface EvalReport {
  readonly total: number;
  readonly inScope: number;
  readonly outOfScope: number;
  /** Share of in-scope questions answered with a right intent. */
  readonly inScopeAccuracy: number;
  /** Share of out-of-scope questions that fell back. */
  readonly oosRecall: number;
  /** In-scope questions that fell back. */
  readonly falseFallbacks: number;
  /**
   * In-scope questions not answered but asked back with the right topic among the choices ("Which
   * career: A or B?" when several careers fit and none was named; two close topics): counted as misses.
   */
  readonly askedBack: number;
  readonly misses: readonly Miss[];
}

/** Whether a predicted id answers a label: equal, or a refinement of it (`salary.entry` for `salary`). */
export function matchesLabel(predicted: string, label: string): boolean {
  return predicted === label || (label !== NONE && predicted.startsWith(`${label}.`));
}

/** Parses JSON Lines with `read` (given each value and its line number); a line that is not JSON is named with `shape`, what a line must be. */
export function parseJsonLines<T>(source: string, name: string, shape: string, read: (value: unknown, n: number) => T): T[] {
  return source
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`${name}:${n}: not JSON; each line must be ${shape}`);
      }
      return read(value, n);
    });
}

/** Whether a label is an intent id or a list of ids. */
export const isLabel = (intent: unknown): intent is string | string[] => typeof intent === 'string' || (Array.isArray(intent) && intent.every((x) => typeof x === 'string'));

/** Parses JSON Lines of labelled questions; names the line of any bad one. */
export function parseLabelled(source: string, name: string): LabelledQuestion[] {
  return parseJsonLines(source, name, '{"text": "...", "intent": "..."}', (value, n) => {
    const q = value as { text?: unknown; intent?: unknown };
    if (typeof q.text !== 'string' || !isLabel(q.intent)) throw new Error(`${name}:${n}: needs a string "text" and an "intent" id or list of ids`);
    return { text: q.text, intent: q.intent };
  });
}

/** Scores a classifier (question -> intent id and confidence) on labelled questions. */
export function evaluate(
  questions: readonly LabelledQuestion[],
  classify: (text: string) => { intent: string; confidence: number; kind?: string; choices?: readonly { intent: string }[] },
): EvalReport {
  let askedBack = 0;
  let inScope = 0;
  let inRight = 0;
  let oos = 0;
  let oosRight = 0;
  let falseFallbacks = 0;
  const misses: Miss[] = [];
  for (const q of questions) {
    const expected = typeof q.intent === 'string' ? [q.intent] : [...q.intent];
    const { intent, confidence, kind, choices } = classify(q.text);
    const right = expected.some((label) => matchesLabel(intent, label));
    if (expected.includes(NONE)) {
      oos++;
      if (right) oosRight++;
    } else {
      inScope++;
      if (right) inRight++;
      else if (intent === NONE) falseFallbacks++;
      else if (kind === 'clarify' && choices?.some((c) => expected.some((label) => matchesLabel(c.intent, label)))) askedBack++;
    }
    if (!right) misses.push({ text: q.text, expected, predicted: intent, confidence });
  }
  return {
    total: questions.length,
    inScope,
    outOfScope: oos,
    inScopeAccuracy: inScope ? inRight / inScope : 1,
    oosRecall: oos ? oosRight / oos : 1,
    falseFallbacks,
    askedBack,
    misses,
  };
}
