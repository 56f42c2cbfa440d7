import { resolve } from 'node:path';
import { trainingExamples, type TrainingExample } from '../engine/examples.js';
import { NONE, type KnowledgeBase } from '../engine/types.js';
import { evaluate, type LabelledQuestion } from '../eval/evaluate.js';
import type { TrainingCorpus } from '../kb/corpus.js';

/** What every engine in the benchmark is trained on: the same labelled texts, grouped by intent. */
export interface TrainingSet {
  readonly intents: readonly { readonly id: string; readonly utterances: readonly string[] }[];
  readonly negatives: readonly string[];
}

export interface Prediction {
  readonly intent: string;
  readonly confidence: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * faqbot reads every synonym in the lexicon as its canonical word. A peer has no lexicon, so it gets
 * the same knowledge as text: for each intent and each synonym group its examples use, the intent's
 * first example with the canonical word, once with each alternative in its place.
 */
export function lexiconExamples(kb: KnowledgeBase, examples: readonly TrainingExample[] = trainingExamples(kb)): TrainingExample[] {
  const out: TrainingExample[] = [];
  const byIntent = new Map<string, string[]>();
  for (const e of examples) {
    if (e.label === NONE) continue;
    const texts = byIntent.get(e.label) ?? [];
    if (texts.length === 0) byIntent.set(e.label, texts);
    texts.push(e.text);
  }
  for (const [label, texts] of byIntent) {
    for (const [canonical, alternatives] of Object.entries(kb.lexicon.synonyms)) {
      const word = new RegExp(`\\b${escape(canonical)}\\b`, 'i');
      const first = texts.find((t) => word.test(t));
      if (first) for (const alt of alternatives) out.push({ label, text: first.replace(word, alt) });
    }
  }
  return out;
}

/**
 * The training set every peer receives: exactly the texts faqbot's engine learns from (utterances,
 * keywords, labels, variant keywords, fallback examples) plus its lexicon written out as examples.
 */
export function trainingSetOf(kb: KnowledgeBase): TrainingSet {
  const intents = new Map<string, string[]>(kb.intents.map((i) => [i.id, []]));
  const negatives: string[] = [];
  const examples = trainingExamples(kb);
  for (const e of [...examples, ...lexiconExamples(kb, examples)]) {
    if (e.label === NONE) negatives.push(e.text);
    else intents.get(e.label)!.push(e.text);
  }
  return { intents: [...intents].map(([id, utterances]) => ({ id, utterances })), negatives };
}

/** Thresholds tried for every engine, the same grid for all: 0 (the engine's own output) to 0.95. */
export const THRESHOLDS: readonly number[] = Object.freeze(Array.from({ length: 20 }, (_, i) => i / 20));

/** A prediction with the fallback applied below `threshold`. */
export function cut(p: Prediction, threshold: number): Prediction {
  return p.confidence < threshold ? { intent: NONE, confidence: p.confidence } : p;
}

/**
 * What a threshold is chosen for: `balanced`, in-scope accuracy plus out-of-scope recall (the
 * product's and CLINC150's two figures); `accuracy`, the share of all questions answered right (the
 * public corpora's micro-F1).
 */
export type TuningObjective = 'balanced' | 'accuracy';

/**
 * The threshold that maximises the objective on the tuning questions, the lowest of equals.
 * `predictions` holds the engine's own output for each tuning question.
 */
export function tuneThreshold(tuning: readonly LabelledQuestion[], predictions: ReadonlyMap<string, Prediction>, objective: TuningObjective = 'balanced'): number {
  let best = { t: 0, score: -1 };
  for (const t of THRESHOLDS) {
    const r = evaluate(tuning, (text) => cut(predictions.get(text)!, t));
    const score = objective === 'balanced' ? r.inScopeAccuracy + r.oosRecall : (r.inScopeAccuracy * r.inScope + r.oosRecall * r.outOfScope) / Math.max(1, r.total);
    if (score > best.score + 1e-9) best = { t, score };
  }
  return best.t;
}

/** One part of the evaluated file and the questions its threshold is chosen on. */
export interface TuningFold {
  readonly evaluated: readonly LabelledQuestion[];
  readonly tuning: readonly LabelledQuestion[];
}

/**
 * Where each threshold is chosen: on the tuning file when it is not the evaluated file; when it is
 * (the dev set measured on itself), two folds, each half's threshold chosen on the other half. A
 * threshold is never chosen on a question it is then measured on.
 */
export function tuningFolds(evalPath: string, evaluated: readonly LabelledQuestion[], tunePath: string, tuning: readonly LabelledQuestion[]): TuningFold[] {
  const key = (q: LabelledQuestion): string => q.text.trim().toLowerCase();
  const asked = new Set(evaluated.map(key));
  const separate = tuning.filter((q) => !asked.has(key(q)));
  if (resolve(evalPath) !== resolve(tunePath) && separate.length > 0) return [{ evaluated, tuning: separate }];
  // Folds by distinct question, so a question asked twice is never on both sides.
  const fold = new Map([...asked].map((text, i) => [text, i % 2]));
  const even = evaluated.filter((q) => fold.get(key(q)) === 0);
  const odd = evaluated.filter((q) => fold.get(key(q)) === 1);
  return [
    { evaluated: even, tuning: odd },
    { evaluated: odd, tuning: even },
  ];
}

/** The corpus split in `k` folds: each intent's utterances dealt in turn, so every fold has every intent. */
export function crossValidationFolds(corpus: TrainingCorpus, k: number): { train: TrainingCorpus; held: { text: string; intent: string }[] }[] {
  return Array.from({ length: k }, (_, f) => {
    const intents: Record<string, string[]> = {};
    const held: { text: string; intent: string }[] = [];
    for (const [intent, utterances] of Object.entries(corpus.intents)) {
      intents[intent] = utterances.filter((u, i) => (i % k === f ? (held.push({ text: u, intent }), false) : true));
    }
    return { train: { ...(corpus.name ? { name: corpus.name } : {}), intents }, held };
  });
}
