import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../app/knowledge.js';
import { DEFAULT_CONFIG, type EngineConfig } from '../engine/config.js';
import { createEngine } from '../engine/engine.js';
import { knowledgeBaseFromCorpus, parseCorpus } from '../kb/corpus.js';
import { crossValidationFolds } from './fairness.js';
import { CORPORA } from './corpora.js';

/** The settings checked and the values tried for each (the product's value among them). */
const GRID: Readonly<Partial<Record<keyof EngineConfig, readonly number[]>>> = Object.freeze({
  answerThreshold: [0.1, 0.15, 0.2, 0.25, 0.3],
  softmaxWeight: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
  softmaxL2: [0, 0.00001, 0.0001],
  nearestWeight: [0.4, 0.5, 0.6, 0.7, 0.8],
  unknownWordWeight: [0.8, 1, 1.2, 1.4],
  queryCoverage: [0.3, 0.4, 0.5, 0.6, 0.7],
});

/**
 * Re-chooses the engine's settings on the public corpora's training halves only: for each setting,
 * one at a time from the product's values, the value with the most right answers in k-fold
 * cross-validation over the three training files. The test halves are never read.
 * `node dist/src/bench/settings-cv.js [--k 5]`
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { k: { type: 'string', default: '5' }, 'corpora-dir': { type: 'string', default: join(PROJECT_ROOT, '..', 'shared', 'eval', 'nlu-corpora') } },
  });
  const k = Number(values.k);
  const splits = CORPORA.flatMap((c) => crossValidationFolds(parseCorpus(JSON.parse(readFileSync(join(values['corpora-dir'], `${c}.train.json`), 'utf8')), c), k));
  const right = (config: EngineConfig): number => {
    let n = 0;
    for (const { train, held } of splits) {
      const engine = createEngine(knowledgeBaseFromCorpus(train), config);
      for (const q of held) if (engine.decide(q.text).intent === q.intent) n++;
    }
    return n;
  };
  const total = splits.reduce((s, f) => s + f.held.length, 0);
  process.stdout.write(`${k}-fold cross-validation on the training files of ${CORPORA.join(', ')} (${total} held-out questions a setting value)\n`);
  for (const [setting, tried] of Object.entries(GRID) as [keyof EngineConfig, readonly number[]][]) {
    const scores = tried.map((v) => ({ v, n: right({ ...DEFAULT_CONFIG, [setting]: v }) }));
    const best = scores.reduce((a, b) => (b.n > a.n ? b : a));
    process.stdout.write(`${setting}: product ${String(DEFAULT_CONFIG[setting])}; ${scores.map((s) => `${s.v} → ${s.n}`).join(', ')}; best ${best.v}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`settings-cv: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
