import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, knowledgeDirs } from '../app/knowledge.js';
import { createEngine } from '../engine/engine.js';
import { parseLabelled } from '../eval/evaluate.js';
import { trainingSetOf, tuningFolds } from './fairness.js';
import { scoreEngines, type EngineFigures } from './score.js';
import { CLINC_PUBLISHED, runClinc } from './clinc.js';
import { loadKnowledgeBase } from '../kb/load.js';
import { CORPORA, PUBLISHED, runCorpora, type CorpusResult } from './corpora.js';
import { bayesEngine, faqbotEngine, fuseEngine, nlpjsEngine } from './engines.js';
import { memoryOf, percentile, round3, timeQuestions } from './measure.js';
import { syntheticKnowledgeBase } from './synthetic.js';
import { measureContext } from './context.js';
import { measureCareers } from './careers.js';
import { measureStore } from './store.js';
import { measureDashboard } from './dashboard.js';
import { parseDialogues } from '../eval/dialogues.js';
import { seeded, withTypos } from './typos.js';

interface ScaleFigures {
  intents: number;
  utterances: number;
  buildMs: number;
  p50Us: number;
  p99Us: number;
  heapMb: number;
  accuracy: number;
}


async function runScale(sizes: number[]): Promise<ScaleFigures[]> {
  const out: ScaleFigures[] = [];
  for (const n of sizes) {
    const { kb, questions } = syntheticKnowledgeBase(n);
    let engine: ReturnType<typeof createEngine> | undefined;
    const mem = await memoryOf(async () => {
      engine = createEngine(kb);
    });
    const asked = questions.slice(0, 500);
    let right = 0;
    asked.forEach((q, i) => {
      if (engine!.decide(q).intent === `intent${i}`) right++;
    });
    const latency = await timeQuestions((q) => engine!.decide(q), asked);
    out.push({ intents: n, utterances: kb.intents.reduce((s, i) => s + i.utterances.length, 0), buildMs: mem.ms, p50Us: latency.p50Us, p99Us: latency.p99Us, heapMb: mem.heapMb, accuracy: round3(right / asked.length) });
    engine = undefined;
  }
  return out;
}

/** Wall time of `faqbot ask` from a cold process, median of `runs`. */
function coldStartMs(runs = 7): number {
  const cli = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, [cli, 'ask', 'what do beginners earn'], { stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(percentile(times, 50));
}

function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => String(c).padEnd(widths[i]!)).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      eval: { type: 'string', default: join(PROJECT_ROOT, '..', 'shared', 'eval', 'dev.jsonl') },
      tune: { type: 'string' },
      json: { type: 'boolean', default: false },
      corpora: { type: 'boolean', default: false },
      clinc: { type: 'boolean', default: false },
      'clinc-dir': { type: 'string', default: join(PROJECT_ROOT, '..', 'shared', 'eval', 'clinc150') },
      'corpora-dir': { type: 'string', default: join(PROJECT_ROOT, '..', 'shared', 'eval', 'nlu-corpora') },
      scale: { type: 'string', default: '25,250,2500,25000' },
      dialogues: { type: 'string' },
      careers: { type: 'string', default: '1,10,25,50' },
      'store-url': { type: 'string' },
      'store-questions': { type: 'string', default: '2000' },
      'dashboard-rows': { type: 'string', default: '100000' },
    },
  });
  const log = (text: string): void => {
    if (!values.json) process.stdout.write(`${text}\n`);
  };
  if (!existsSync(values.eval)) throw new Error(`no eval file at ${values.eval}: pass --eval FILE.jsonl`);

  const kb = loadKnowledgeBase(knowledgeDirs());
  const set = trainingSetOf(kb);
  const questions = parseLabelled(readFileSync(values.eval, 'utf8'), values.eval);
  const rand = seeded(20261124);
  const typos = questions.map((q) => ({ ...q, text: withTypos(q.text, rand) }));

  // The dev set tunes by default; measured on itself (or with no dev set), two folds of the evaluated file.
  const devSet = join(PROJECT_ROOT, '..', 'shared', 'eval', 'dev.jsonl');
  const tunePath = values.tune ?? (existsSync(devSet) ? devSet : values.eval);
  if (!existsSync(tunePath)) throw new Error(`no tuning file at ${tunePath}: pass --tune FILE.jsonl (labelled questions that are not the evaluated file)`);
  const folds = tuningFolds(values.eval, questions, tunePath, parseLabelled(readFileSync(tunePath, 'utf8'), tunePath));
  const typoOf = new Map(questions.map((q, i) => [q, typos[i]!]));

  log(`faqbot benchmark: ${questions.length} questions from ${values.eval} (and a typo copy), Node ${process.version}, ${process.arch}`);
  log(
    folds.length === 1
      ? `thresholds chosen on ${folds[0]!.tuning.length} questions of ${tunePath} (none of them in the evaluated file)`
      : `thresholds chosen by two folds of the evaluated file: each half's threshold on the other half`,
  );
  log(`every engine trains on the same ${set.intents.reduce((s, i) => s + i.utterances.length, 0) + set.negatives.length} examples (faqbot's utterances, keywords, labels, variant keywords, fallback examples, and its lexicon written out)`);
  const engines: EngineFigures[] = await scoreEngines([faqbotEngine(kb), nlpjsEngine(set), fuseEngine(set), bayesEngine(set)], folds, typoOf);

  log(`\n${table(
    ['engine', 'top-1', 'own in', 'own oos', 'threshold', 'in-scope', 'oos recall', 'false fb', 'typo in', 'typo oos', 'load ms', 'train ms', 'p50 µs', 'p99 µs', 'q/s', 'heap MB'],
    engines.map((e) => [e.name, e.top1Accuracy, e.ownInScopeAccuracy, e.ownOosRecall, e.thresholds.join('/'), e.inScopeAccuracy, e.oosRecall, e.falseFallbacks, e.typoInScopeAccuracy, e.typoOosRecall, e.loadMs, e.trainMs, e.p50Us, e.p99Us, e.qps, e.heapMb]),
  )}`);
  for (const e of engines) log(`  ${e.name}: ${e.note}`);

  const sizes = values.scale === '' ? [] : values.scale.split(',').map(Number).filter((n) => n > 0);
  const scale = await runScale(sizes);
  if (scale.length) {
    log(`\nfaqbot at scale (synthetic, 20 utterances an intent):\n${table(
      ['intents', 'utterances', 'build ms', 'p50 µs', 'p99 µs', 'heap MB', 'accuracy'],
      scale.map((s) => [s.intents, s.utterances, s.buildMs, s.p50Us, s.p99Us, s.heapMb, s.accuracy]),
    )}`);
  }

  const dialogueFile = [values.dialogues, join(PROJECT_ROOT, '..', 'shared', 'eval', 'dialogues.dev.jsonl'), join(PROJECT_ROOT, 'tests', 'fixtures', 'dialogues.jsonl')].find(
    (f): f is string => f !== undefined && existsSync(f),
  )!;
  const context = measureContext(createEngine(kb), parseDialogues(readFileSync(dialogueFile, 'utf8'), dialogueFile));
  log(
    `\ncontext (${context.turns} turns of ${dialogueFile}): p50 ${context.aloneP50Us} µs alone, ${context.withP50Us} µs in context; ` +
      `the context adds ${context.addedMeanUs} µs a turn on average (p99 of the difference ${context.addedP99Us} µs)`,
  );

  const careerPage = join(PROJECT_ROOT, 'tests', 'fixtures', 'careers', 'pharmacy-technician.txt');
  const careerSizes = values.careers === '' ? [] : values.careers.split(',').map(Number).filter((n) => n >= 0);
  const careerScale = existsSync(careerPage) ? measureCareers(PROJECT_ROOT, careerPage, careerSizes) : [];
  if (careerScale.length) {
    log(`\ncareers (copies of a fixture page imported beside the product's; import ms: the last import):\n${table(
      ['careers', 'intents', 'import ms', 'build ms'],
      careerScale.map((c) => [c.careers, c.intents, c.importMs, c.buildMs]),
    )}`);
  }

  const storeQuestions = Number(values['store-questions']);
  const stores = [...(await measureStore(undefined, storeQuestions)), ...(values['store-url'] ? await measureStore(values['store-url'], storeQuestions) : [])];
  log(`\nthe store on a question's path (service: rate count, context read, context write with the outcome record; web: the address's count and the dialog state read as well):\n${table(
    ['store', 'path', 'questions', 'p50 µs', 'p99 µs'],
    stores.map((st) => [st.store, st.path, st.questions, st.p50Us, st.p99Us]),
  )}`);

  const dashboardRows = Number(values['dashboard-rows']);
  if (dashboardRows > 0) {
    const dashboards = [await measureDashboard(createEngine(kb), dashboardRows), ...(values['store-url'] ? [await measureDashboard(createEngine(kb), dashboardRows, values['store-url'])] : [])];
    log(`\nthe advisor dashboard's overview over generated questions (store counts, gap questions, overview; median of 3, ms):\n${table(
      ['store', 'rows', '7 days', '30 days', '90 days'],
      dashboards.map((d) => [d.store, d.rows, d.ms[7]!, d.ms[30]!, d.ms[90]!]),
    )}`);
  }

  const cold = coldStartMs();
  log(`\ncold start of \`faqbot ask\` (median of 7): ${cold} ms`);

  let corpora: CorpusResult[] = [];
  if (values.corpora) {
    corpora = await runCorpora(values['corpora-dir'], (ckb, cset) => [faqbotEngine(ckb), nlpjsEngine(cset), fuseEngine(cset), bayesEngine(cset)]);
    const names = [...new Set(corpora.map((c) => c.engine))];
    const rows = names.map((name) => {
      const mine = corpora.filter((c) => c.engine === name);
      const total = mine.reduce((s, c) => s + c.total, 0);
      const overall = mine.reduce((s, c) => s + c.right, 0) / total;
      const ownOverall = mine.reduce((s, c) => s + c.ownMicroF1 * c.total, 0) / total;
      return [`${name} (measured)`, ...CORPORA.map((c) => round3(mine.find((m) => m.corpus === c)!.microF1)), round3(overall), round3(ownOverall), mine.map((m) => m.threshold).join('/')];
    });
    const published = Object.entries(PUBLISHED).map(([name, f]) => [`${name} (published)`, ...CORPORA.map((c) => f[c]!), f.overall!, '', '']);
    log(
      `\nNLU corpora (Braun et al. 2017), micro-F1, thresholds chosen by 5-fold cross-validation on each training file (own: untuned):\n` +
        table(['engine', ...CORPORA, 'overall', 'own overall', 'thresholds'], [...rows, ...published]),
    );
  }

  let clinc: EngineFigures[] = [];
  if (values.clinc) {
    clinc = await runClinc(values['clinc-dir']);
    log(`\nCLINC150 validation split (trained on the training split; thresholds by two folds of the validation split):\n${table(
      ['engine', 'top-1', 'own in', 'own oos', 'threshold', 'in-scope', 'oos recall', 'load ms', 'train ms', 'p50 µs', 'p99 µs'],
      [
        ...clinc.map((e) => [e.name, e.top1Accuracy, e.ownInScopeAccuracy, e.ownOosRecall, e.thresholds.join('/'), e.inScopeAccuracy, e.oosRecall, e.loadMs, e.trainMs, e.p50Us, e.p99Us]),
        ...CLINC_PUBLISHED.map((p) => [`${p.name} (published, test split)`, '', '', '', '', p.inScope, p.oosRecall, '', '', '', '']),
      ],
    )}`);
  }

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ eval: values.eval, engines, scale, context, careers: careerScale, stores, coldStartMs: cold, ...(values.corpora ? { corpora } : {}), ...(values.clinc ? { clinc } : {}) })}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
