import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../engine/config.js';
import { createEngine, type Engine } from '../engine/engine.js';
import { loadKnowledgeBase } from '../kb/load.js';

/** The project folder (where `knowledge/` and `intents/` live): the nearest one above this file with a package.json, from src/ or dist/src/ alike. */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** Where the knowledge base is read from: `KNOWLEDGE_DIR` and `INTENTS_DIR`, or the project's own folders. */
export function knowledgeDirs(env: NodeJS.ProcessEnv = process.env): { knowledgeDir: string; intentsDir: string } {
  return {
    knowledgeDir: resolve(env.KNOWLEDGE_DIR ?? join(PROJECT_ROOT, 'knowledge')),
    intentsDir: resolve(env.INTENTS_DIR ?? join(PROJECT_ROOT, 'intents')),
  };
}

/** Loads, validates and indexes the knowledge base the product runs on. */
export function loadEngine(env: NodeJS.ProcessEnv = process.env): Engine {
  const kb = loadKnowledgeBase({ ...knowledgeDirs(env), minUtterances: DEFAULT_CONFIG.minUtterances });
  return createEngine(kb, DEFAULT_CONFIG);
}
