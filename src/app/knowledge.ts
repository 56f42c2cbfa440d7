import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../engine/config.js';
import { createEngine, type Engine } from '../engine/engine.js';
import { loadKnowledgeBase, type KnowledgeDirs } from '../kb/load.js';

/** The project folder (where `knowledge/` and `intents/` live): the nearest one above this file with a package.json, from src/ or dist/src/ alike. */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** Where the product's knowledge base is read from (`KNOWLEDGE_DIR`, `INTENTS_DIR`, or the project's own folders) and its rules. */
export function knowledgeDirs(env: NodeJS.ProcessEnv = process.env): KnowledgeDirs {
  return {
    knowledgeDir: resolve(env.KNOWLEDGE_DIR ?? join(PROJECT_ROOT, 'knowledge')),
    intentsDir: resolve(env.INTENTS_DIR ?? join(PROJECT_ROOT, 'intents')),
    minUtterances: DEFAULT_CONFIG.minUtterances,
  };
}

/** Loads, validates and indexes a knowledge base (the product's by default) with the product's settings. */
export function loadEngine(dirs: Omit<KnowledgeDirs, 'minUtterances'> = knowledgeDirs()): Engine {
  return createEngine(loadKnowledgeBase({ minUtterances: DEFAULT_CONFIG.minUtterances, ...dirs }), DEFAULT_CONFIG);
}
