import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../engine/config.js';
import { createEngine } from '../engine/engine.js';
import { importCareerPage } from '../kb/import/write.js';
import { loadKnowledgeBase } from '../kb/load.js';

export interface CareerScale {
  readonly careers: number;
  readonly intents: number;
  readonly importMs: number;
  readonly buildMs: number;
}

/** A made-up name for copy `i` of a page: letters only, so it reads as one word ("Pharmbc"). */
const nameOf = (i: number): string => `Pharm${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;

/** A copy of the page about another career: its distinguishing words and acronyms made unique. */
function renamed(page: string, i: number): string {
  const name = nameOf(i);
  return page
    .replace(/pharmac(y|ies|ist|ists)?/gi, (m) => (m[0] === 'P' ? name : name.toLowerCase()) + m.slice(7).replace(/^y/, ''))
    .replace(/dispens/gi, (m) => `${m[0] === 'D' ? 'D' : 'd'}ispens${name.toLowerCase()}`)
    .replace(/\b([A-Z]{2,5})\b/g, (m) => `${m}${name.slice(-2).toUpperCase()}`);
}

/**
 * Build time with many careers: `counts` copies of a career page, renamed, imported beside the
 * product's own career; each count timed for its last import and for building the engine.
 */
export function measureCareers(root: string, page: string, counts: readonly number[]): CareerScale[] {
  const source = readFileSync(page, 'utf8');
  const out: CareerScale[] = [];
  for (const count of counts) {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-bench-careers-'));
    for (const d of ['knowledge', 'intents']) cpSync(join(root, d), join(dir, d), { recursive: true });
    const dirs = { knowledgeDir: join(dir, 'knowledge'), intentsDir: join(dir, 'intents'), minUtterances: DEFAULT_CONFIG.minUtterances };
    let importMs = 0;
    for (let i = 0; i < count; i++) {
      const copy = join(dir, `page-${i}.txt`);
      writeFileSync(copy, renamed(source, i));
      const t0 = performance.now();
      importCareerPage({ page: copy, ...dirs, productIntentsDir: join(root, 'intents'), today: '2026-11-26' });
      importMs = performance.now() - t0;
    }
    const t0 = performance.now();
    const engine = createEngine(loadKnowledgeBase(dirs));
    out.push({ careers: count + 1, intents: engine.kb.intents.length, importMs: Math.round(importMs), buildMs: Math.round(performance.now() - t0) });
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
