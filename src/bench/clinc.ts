import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabelled } from '../eval/evaluate.js';
import { knowledgeBaseFromCorpus, parseCorpus } from '../kb/corpus.js';
import { bayesEngine, faqbotEngine, nlpjsEngine } from './engines.js';
import { trainingSetOf, tuningFolds } from './fairness.js';
import { scoreEngines, type EngineFigures } from './score.js';

/** Published CLINC150 test-split figures (Larson et al. 2019, Table 2, "Full"): in-scope accuracy / out-of-scope recall. */
export const CLINC_PUBLISHED: readonly { readonly name: string; readonly inScope: number; readonly oosRecall: number }[] = Object.freeze([
  { name: 'BERT oos-train', inScope: 0.969, oosRecall: 0.403 },
  { name: 'BERT threshold', inScope: 0.962, oosRecall: 0.523 },
  { name: 'MLP oos-train', inScope: 0.935, oosRecall: 0.474 },
  { name: 'Rasa oos-train', inScope: 0.915, oosRecall: 0.453 },
  { name: 'SVM oos-train', inScope: 0.91, oosRecall: 0.145 },
]);

/**
 * CLINC150 on its training and validation splits only: every engine trained on the same examples
 * of `clinc150.train.json` (the 100 out-of-scope questions as fallback examples) and scored on
 * `clinc150.val.jsonl`, each half's threshold chosen on the other half. fuse.js is left out: at
 * 15,000 examples a search takes a fraction of a second, ten minutes for the split.
 */
export async function runClinc(dir: string): Promise<EngineFigures[]> {
  const trainFile = join(dir, 'clinc150.train.json');
  const valFile = join(dir, 'clinc150.val.jsonl');
  const kb = knowledgeBaseFromCorpus(parseCorpus(JSON.parse(readFileSync(trainFile, 'utf8')), trainFile));
  const questions = parseLabelled(readFileSync(valFile, 'utf8'), valFile);
  const folds = tuningFolds(valFile, questions, valFile, questions);
  // No typo copy here: the typo figures belong to the product set.
  const same = new Map(questions.map((q) => [q, q]));
  const set = trainingSetOf(kb);
  return scoreEngines([faqbotEngine(kb), nlpjsEngine(set), bayesEngine(set)], folds, same);
}
