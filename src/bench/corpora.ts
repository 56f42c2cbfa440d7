import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabelled } from '../eval/evaluate.js';
import { knowledgeBaseFromCorpus, parseCorpus } from '../kb/corpus.js';
import type { BenchEngine } from './engines.js';
import { trainingSetOf, type TrainingSet } from './fairness.js';
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
  readonly microF1: number;
}

/**
 * Trains every engine on the same examples of each corpus's training file (faqbot's, see
 * trainingSetOf) and scores its own output on the test file (a `none` label is right only on fallback).
 */
export async function runCorpora(
  dir: string,
  makeEngines: (kb: KnowledgeBase, set: TrainingSet) => BenchEngine[],
): Promise<CorpusResult[]> {
  const results: CorpusResult[] = [];
  for (const corpus of CORPORA) {
    const train = parseCorpus(JSON.parse(readFileSync(join(dir, `${corpus}.train.json`), 'utf8')), `${corpus}.train.json`);
    const tests = parseLabelled(readFileSync(join(dir, `${corpus}.test.jsonl`), 'utf8'), `${corpus}.test.jsonl`);
    const kb = knowledgeBaseFromCorpus(train);
    const set = trainingSetOf(kb);
    for (const engine of makeEngines(kb, set)) {
      await engine.load();
      await engine.train();
      let right = 0;
      for (const q of tests) if ((await engine.predict(q.text)).intent === q.intent) right++;
      results.push({ engine: engine.name, corpus, right, total: tests.length, microF1: right / tests.length });
    }
  }
  return results;
}
