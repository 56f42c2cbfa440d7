import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../src/engine/config.js';
import { createEngine, type Engine } from '../src/engine/engine.js';
import { loadKnowledgeBase } from '../src/kb/load.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const SHARED = join(ROOT, '..', 'shared');

/** The product's own engine, loaded once per test file. */
let product: Engine | undefined;
export function productEngine(): Engine {
  product ??= createEngine(
    loadKnowledgeBase({ knowledgeDir: join(ROOT, 'knowledge'), intentsDir: join(ROOT, 'intents'), minUtterances: DEFAULT_CONFIG.minUtterances }),
  );
  return product;
}

/** The small fixture knowledge base of tests/fixtures/kb. */
export function fixtureEngine(): Engine {
  return createEngine(
    loadKnowledgeBase({
      knowledgeDir: join(FIXTURES, 'kb', 'knowledge'),
      intentsDir: join(FIXTURES, 'kb', 'intents'),
      minUtterances: 4,
    }),
  );
}
