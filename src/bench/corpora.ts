import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabelled, type LabelledQuestion } from '../eval/evaluate.js';
import { knowledgeBaseFromCorpus, parseCorpus, type TrainingCorpus } from '../kb/corpus.js';
import type { BenchEngine } from './engines.js';
import { crossValidationFolds, cut, trainingSetOf, tuneThreshold, type Prediction, type TrainingSet } from './fairness.js';
import type { KnowledgeBase } from '../engine/types.js';

/** Micro-F1 published for each corpus (NLP.js benchmark page, Botfuel protocol; see shared/eval/nlu-corpora/README.md). */
export const PUBLISHED: Readonly<Record<string, Readonly<Record<string, number>>>> = Object.freeze({
  'NLP.js': { chatbot: 0.99, askubuntu: 0.94, webapps: 0.8, overall: 0.93 },
  Watson: { chatbot: 0.97, askubuntu: 0.92, webapps: 0.83, overall: 0.92 },
  LUIS: { chatbot: 0.98, askubuntu: 0.9, webapps: 0.81, overall: 0.91 },
  Rasa: { chatbot: 0.98, askubuntu: 0.86, webapps: 0.74, overall: 0.88 },
  Dialogflow: { chatbot: 0.93, askubuntu: 0.85, webapps: 0.8, overall: 0.87 },
});

export const CORPORA = ['chatbot', 'askubuntu', 'webapps'] as const;

export interface CorpusResult {
  readonly engine: string;
  readonly corpus: string;
  readonly right: number;
  readonly total: number;
  /** With the fallback threshold chosen by cross-validation on the training file. */
  readonly microF1: number;
  readonly threshold: number;
  /** The engine's own output, no benchmark threshold. */
  readonly ownMicroF1: number;
}

/** Each engine's predictions on the held-out questions of `k` folds of a training corpus. */
async function heldOutPredictions(
  train: TrainingCorpus,
  k: number,
  makeEngines: (kb: KnowledgeBase, set: TrainingSet) => BenchEngine[],
): Promise<{ questions: LabelledQuestion[]; byEngine: Map<string, Map<string, Prediction>> }> {
  const questions: LabelledQuestion[] = [];
  const byEngine = new Map<string, Map<string, Prediction>>();
  for (const fold of crossValidationFolds(train, k)) {
    const kb = knowledgeBaseFromCorpus(fold.train);
    questions.push(...fold.held);
    for (const engine of makeEngines(kb, trainingSetOf(kb))) {
      await engine.load();
      await engine.train();
      const mine = byEngine.get(engine.name) ?? new Map<string, Prediction>();
      for (const q of fold.held) mine.set(q.text, await engine.predict(q.text));
      byEngine.set(engine.name, mine);
    }
  }
  return { questions, byEngine };
}

/**
 * Trains every engine on the same examples of each corpus's training file (faqbot's, see
 * trainingSetOf) and scores it on the test file (a `none` label is right only on fallback), with a
 * fallback threshold chosen for micro-F1 by 5-fold cross-validation on the training file alone, and untuned.
 */
export async function runCorpora(
  dir: string,
  makeEngines: (kb: KnowledgeBase, set: TrainingSet) => BenchEngine[],
): Promise<CorpusResult[]> {
  const results: CorpusResult[] = [];
  for (const corpus of CORPORA) {
    const train = parseCorpus(JSON.parse(readFileSync(join(dir, `${corpus}.train.json`), 'utf8')), `${corpus}.train.json`);
    const tests = parseLabelled(readFileSync(join(dir, `${corpus}.test.jsonl`), 'utf8'), `${corpus}.test.jsonl`);
    const held = await heldOutPredictions(train, 5, makeEngines);
    const kb = knowledgeBaseFromCorpus(train);
    for (const engine of makeEngines(kb, trainingSetOf(kb))) {
      const threshold = tuneThreshold(held.questions, held.byEngine.get(engine.name)!, 'accuracy');
      await engine.load();
      await engine.train();
      let right = 0;
      let own = 0;
      for (const q of tests) {
        const p = await engine.predict(q.text);
        if (p.intent === q.intent) own++;
        if (cut(p, threshold).intent === q.intent) right++;
      }
      results.push({ engine: engine.name, corpus, right, total: tests.length, microF1: right / tests.length, threshold, ownMicroF1: own / tests.length });
    }
  }
  return results;
}
