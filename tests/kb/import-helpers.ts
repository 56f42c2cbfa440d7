import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/engine/config.js';
import { createEngine } from '../../src/engine/engine.js';
import { evaluate, parseLabelled } from '../../src/eval/evaluate.js';
import { importCareerPage } from '../../src/kb/import/write.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { FIXTURES, ROOT, SHARED } from '../helpers.js';

/** Shared by the importer's tests: fresh folders, an import into them, and a fixture page's questions asked. */

export const SEED = join(SHARED, 'seed', 'medical-records-specialist.txt');
export const PHARMACY = join(FIXTURES, 'careers', 'pharmacy-technician.txt');

export type Folders = { dir: string; knowledgeDir: string; intentsDir: string };

/** Empty folders in a temporary directory, or a copy of the product's knowledge and intents. */
export function folders(withProduct = false): Folders {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-import-'));
  if (withProduct) for (const d of ['knowledge', 'intents']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  return { dir, knowledgeDir: join(dir, 'knowledge'), intentsDir: join(dir, 'intents') };
}

export const run = (page: string, f: Folders) =>
  importCareerPage({ page, knowledgeDir: f.knowledgeDir, intentsDir: f.intentsDir, productIntentsDir: join(ROOT, 'intents'), minUtterances: DEFAULT_CONFIG.minUtterances, today: '2026-11-26' });

export const load = (f: Folders) => loadKnowledgeBase({ knowledgeDir: f.knowledgeDir, intentsDir: f.intentsDir, minUtterances: DEFAULT_CONFIG.minUtterances });

const pageOf = (career: string, ext: string) => join(FIXTURES, 'careers', `${career}.${ext}`);

/** A fixture career page imported alone into empty folders: the folders, the knowledge base and its engine. */
export function importAlone(career: string, ext = 'txt') {
  const f = folders();
  run(pageOf(career, ext), f);
  const kb = load(f);
  return { f, kb, engine: createEngine(kb) };
}

function questionsOf(career: string) {
  const file = join(FIXTURES, 'careers', `${career}.questions.jsonl`);
  return parseLabelled(readFileSync(file, 'utf8'), file);
}

/**
 * A fixture career page (`tests/fixtures/careers/<career>.<ext>`) imported beside the product and its
 * questions asked: the engine, the score, and the in-scope questions answered with another career's facts.
 */
export function askPage(career: string, ext = 'txt') {
  const f = folders(true);
  run(pageOf(career, ext), f);
  const engine = createEngine(load(f));
  const questions = questionsOf(career);
  const otherCareer = questions
    .filter((q) => q.intent !== 'none')
    .map((q) => engine.decide(q.text))
    .filter((d) => d.kind === 'answer' && !d.intent.startsWith(`${career}.`) && !d.intent.startsWith('chat.'))
    .map((d) => d.text);
  return { engine, score: evaluate(questions, (t) => engine.decide(t)), otherCareer };
}

/** A fixture career page imported alone and its questions asked, their labels without the career's prefix (ids of a career alone have none). */
export function askAlone(career: string, ext = 'txt') {
  const { engine } = importAlone(career, ext);
  const bare = (id: string) => (id.startsWith(`${career}.`) ? id.slice(career.length + 1) : id);
  const questions = questionsOf(career).map((q) => ({ ...q, intent: typeof q.intent === 'string' ? bare(q.intent) : q.intent.map(bare) }));
  return { engine, score: evaluate(questions, (t) => engine.decide(t)) };
}
