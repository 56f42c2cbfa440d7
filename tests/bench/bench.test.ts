import { describe, expect, it } from 'vitest';
import { percentile } from '../../src/bench/measure.js';
import { syntheticKnowledgeBase } from '../../src/bench/synthetic.js';
import { seeded, withTypos } from '../../src/bench/typos.js';
import { bayesEngine, fuseEngine } from '../../src/bench/engines.js';
import { trainingSetOf } from '../../src/bench/fairness.js';
import { productEngine } from '../helpers.js';
import { measureContext } from '../../src/bench/context.js';
import { parseDialogues } from '../../src/eval/dialogues.js';

describe('benchmark building blocks', () => {
  it('typos are deterministic for a seed and make one or two edits', () => {
    const a = withTypos('what certifications do employers require', seeded(1));
    const b = withTypos('what certifications do employers require', seeded(1));
    expect(a).toBe(b);
    expect(a).not.toBe('what certifications do employers require');
    expect(Math.abs(a.length - 'what certifications do employers require'.length)).toBeLessThanOrEqual(2);
  });

  it('short words are left alone', () => {
    expect(withTypos('is it ok', seeded(3))).toBe('is it ok');
  });

  it('the context cost is measured on every turn of the dialogues, alone and in context', () => {
    const dialogues = parseDialogues('{"id":"a","turns":[{"text":"tell me about the CPC","intent":"certs.cpc"},{"text":"who offers it?","intent":"certs.cpc","context":true}]}', 't');
    const cost = measureContext(productEngine(), dialogues, 3);
    expect(cost.turns).toBe(2);
    expect(Object.keys(cost).sort()).toEqual(['addedMeanUs', 'addedP99Us', 'aloneP50Us', 'turns', 'withP50Us']);
  });

  it('percentile uses the nearest rank', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).toBe(10);
    expect(percentile([], 50)).toBe(0);
  });

  it('synthetic knowledge bases are deterministic and have the size asked for', () => {
    const a = syntheticKnowledgeBase(30);
    expect(a.kb.intents).toHaveLength(30);
    expect(a.questions).toHaveLength(30);
    expect(syntheticKnowledgeBase(30).kb.intents[7]!.utterances).toEqual(a.kb.intents[7]!.utterances);
  });

  it('peer engines train on the same utterances and answer with an intent or the fallback', async () => {
    const set = trainingSetOf(productEngine().kb);
    for (const engine of [fuseEngine(set), bayesEngine(set)]) {
      await engine.load();
      await engine.train();
      const p = await engine.predict('how much do medical records specialists earn');
      expect(typeof p.intent).toBe('string');
      expect(p.confidence).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('npm run bench -- --json', () => {
  it('prints one JSON object with every engine\'s figures and the scale table, and nothing else', async () => {
    const { spawnSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const { ROOT } = await import('../helpers.js');
    const r = spawnSync(process.execPath, ['--expose-gc', join(ROOT, 'dist', 'src', 'bench', 'main.js'), '--json', '--scale', '25', '--careers', '1', '--store-questions', '200', '--eval', join(ROOT, 'tests', 'fixtures', 'eval-small.jsonl'), '--tune', join(ROOT, 'tests', 'fixtures', 'eval-small.jsonl')], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { engines: Record<string, unknown>[]; scale: Record<string, unknown>[] };
    expect(out.engines.map((e) => e.name)).toEqual(['faqbot', 'nlpjs', 'fuse-only', 'bayes']);
    for (const e of out.engines) {
      for (const key of ['top1Accuracy', 'ownInScopeAccuracy', 'loadMs', 'inScopeAccuracy', 'oosRecall', 'falseFallbacks', 'typoInScopeAccuracy', 'typoOosRecall', 'trainMs', 'p50Us', 'p99Us', 'qps', 'rssMb']) {
        expect(typeof e[key], `${e.name}.${key}`).toBe('number');
      }
    }
    expect(out.scale).toEqual([expect.objectContaining({ intents: 25, buildMs: expect.any(Number), p99Us: expect.any(Number) })]);
    const more = out as unknown as { context: Record<string, number>; careers: Record<string, number>[]; stores: Record<string, unknown>[] };
    expect(more.context.turns).toBeGreaterThan(0);
    expect(more.careers).toEqual([expect.objectContaining({ careers: 2, importMs: expect.any(Number), buildMs: expect.any(Number) })]);
    expect(more.stores).toEqual([
      expect.objectContaining({ store: 'sqlite', path: 'service', questions: 200, p99Us: expect.any(Number) }),
      expect.objectContaining({ store: 'sqlite', path: 'web', questions: 200, p99Us: expect.any(Number) }),
    ]);
  }, 120_000);
});
