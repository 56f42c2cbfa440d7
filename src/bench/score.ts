import { NONE } from '../engine/types.js';
import { evaluate, type EvalReport, type LabelledQuestion } from '../eval/evaluate.js';
import type { BenchEngine } from './engines.js';
import { cut, tuneThreshold, type Prediction, type TuningFold } from './fairness.js';
import { memoryOf, round3, timeTogether, type Latency } from './measure.js';

/** One engine's figures on one question set. */
export interface EngineFigures {
  name: string;
  note: string;
  /** Untuned top-1: the share of in-scope questions whose best non-fallback intent is right. */
  top1Accuracy: number;
  /** The engine's own output, no benchmark threshold. */
  ownInScopeAccuracy: number;
  ownOosRecall: number;
  /** With the fallback threshold chosen on the tuning questions (one per fold). */
  thresholds: number[];
  inScopeAccuracy: number;
  oosRecall: number;
  falseFallbacks: number;
  typoInScopeAccuracy: number;
  typoOosRecall: number;
  loadMs: number;
  trainMs: number;
  p50Us: number;
  p99Us: number;
  qps: number;
  heapMb: number;
  rssMb: number;
}

async function predictAll(
  predict: (text: string) => Promise<Prediction> | Prediction,
  questions: readonly LabelledQuestion[],
  into = new Map<string, Prediction>(),
): Promise<Map<string, Prediction>> {
  for (const q of questions) if (!into.has(q.text)) into.set(q.text, await predict(q.text));
  return into;
}

/**
 * Loads, trains and scores engines one after the other, then times them together (their timing
 * blocks in turn, `timeTogether`) on the evaluated questions.
 */
export async function scoreEngines(engines: readonly BenchEngine[], folds: readonly TuningFold[], typoOf: ReadonlyMap<LabelledQuestion, LabelledQuestion>): Promise<EngineFigures[]> {
  const scored: Omit<EngineFigures, keyof Latency>[] = [];
  for (const engine of engines) scored.push(await scoreEngine(engine, folds, typoOf));
  const texts = folds.flatMap((f) => f.evaluated).map((q) => q.text);
  const latency = await timeTogether(engines.map((e) => (t: string) => e.predict(t)), texts);
  return scored.map((s, i) => ({ ...s, ...latency[i]! }));
}

/**
 * Loads, trains and scores one engine: untuned top-1, its own output, and its output with a
 * fallback threshold chosen per fold on that fold's tuning questions only (the same grid and
 * objective for every engine), on the questions and on their typo copy.
 */
async function scoreEngine(engine: BenchEngine, folds: readonly TuningFold[], typoOf: ReadonlyMap<LabelledQuestion, LabelledQuestion>): Promise<Omit<EngineFigures, keyof Latency>> {
  const t0 = performance.now();
  await engine.load();
  const loadMs = Math.round(performance.now() - t0);
  const mem = await memoryOf(() => engine.train());
  const questions = folds.flatMap((f) => f.evaluated);
  // An engine's output is a function of the text: each text is asked once, whatever set it is in.
  const answers = new Map<string, Prediction>();
  const predict = (t: string) => engine.predict(t);
  await predictAll(predict, questions, answers);
  const top = await predictAll((t) => engine.top(t), questions);
  await predictAll(predict, questions.map((q) => typoOf.get(q)!), answers);
  const thresholds: number[] = [];
  const plain: EvalReport[] = [];
  const typo: EvalReport[] = [];
  for (const fold of folds) {
    await predictAll(predict, fold.tuning, answers);
    const threshold = tuneThreshold(fold.tuning, answers);
    thresholds.push(threshold);
    const tuned = (t: string) => cut(answers.get(t)!, threshold);
    plain.push(evaluate(fold.evaluated, tuned));
    typo.push(evaluate(fold.evaluated.map((q) => typoOf.get(q)!), tuned));
  }
  const r = combine(plain);
  const rt = combine(typo);
  const ownReport = evaluate(questions, (t) => answers.get(t)!);
  const inScope = questions.filter((q) => !(typeof q.intent === 'string' ? [q.intent] : q.intent).includes(NONE));
  const top1 = evaluate(inScope, (t) => top.get(t)!);
  return {
    name: engine.name,
    note: engine.note,
    top1Accuracy: round3(top1.inScopeAccuracy),
    ownInScopeAccuracy: round3(ownReport.inScopeAccuracy),
    ownOosRecall: round3(ownReport.oosRecall),
    thresholds,
    inScopeAccuracy: round3(r.inScopeAccuracy),
    oosRecall: round3(r.oosRecall),
    falseFallbacks: r.falseFallbacks,
    typoInScopeAccuracy: round3(rt.inScopeAccuracy),
    typoOosRecall: round3(rt.oosRecall),
    loadMs,
    trainMs: mem.ms,
    heapMb: mem.heapMb,
    rssMb: mem.rssMb,
  };
}

/** Pools the reports of several folds. */
function combine(reports: readonly EvalReport[]): { inScopeAccuracy: number; oosRecall: number; falseFallbacks: number } {
  const sum = (f: (r: EvalReport) => number) => reports.reduce((s, r) => s + f(r), 0);
  const inScope = sum((r) => r.inScope);
  const oos = sum((r) => r.outOfScope);
  return {
    inScopeAccuracy: inScope ? sum((r) => r.inScopeAccuracy * r.inScope) / inScope : 1,
    oosRecall: oos ? sum((r) => r.oosRecall * r.outOfScope) / oos : 1,
    falseFallbacks: sum((r) => r.falseFallbacks),
  };
}

