import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runClinc } from '../../src/bench/clinc.js';
import { ROOT } from '../helpers.js';

describe('CLINC150 in the benchmark', () => {
  it('trains every engine on the training split and scores the validation split, thresholds by two folds of it', async () => {
    const figures = await runClinc(join(ROOT, 'tests', 'fixtures', 'clinc-mini'));
    expect(figures.map((f) => f.name)).toEqual(['faqbot', 'nlpjs', 'bayes']);
    for (const f of figures) {
      expect(f.thresholds, f.name).toHaveLength(2);
      expect(f.inScopeAccuracy, f.name).toBeGreaterThanOrEqual(0);
      expect(f.inScopeAccuracy, f.name).toBeLessThanOrEqual(1);
    }
    // Six in-scope questions of three plain intents: faqbot's untuned top-1 gets them all.
    expect(figures[0]!.top1Accuracy).toBe(1);
  }, 60_000);
});
