import { describe, expect, it } from 'vitest';
import { trainingExamples } from '../../src/engine/examples.js';
import { NONE } from '../../src/engine/types.js';
import { cut, lexiconExamples, THRESHOLDS, trainingSetOf, tuneThreshold, tuningFolds, type Prediction } from '../../src/bench/fairness.js';
import type { LabelledQuestion } from '../../src/eval/evaluate.js';
import { productEngine } from '../helpers.js';

const q = (text: string, intent: string): LabelledQuestion => ({ text, intent });

describe('an even-handed benchmark', () => {
  it('Same examples: every text faqbot learns from reaches the peers under the same label', () => {
    const kb = productEngine().kb;
    const set = trainingSetOf(kb);
    const peers = new Set([...set.intents.flatMap((i) => i.utterances.map((u) => `${i.id}\t${u}`)), ...set.negatives.map((u) => `${NONE}\t${u}`)]);
    const faqbot = trainingExamples(kb);
    expect(faqbot.length).toBeGreaterThan(100);
    for (const e of faqbot) expect(peers.has(`${e.label}\t${e.text}`), `${e.label}: ${e.text}`).toBe(true);
    // Intent labels and variant keywords are among them, not only utterances.
    const salary = kb.intents.find((i) => i.id === 'salary')!;
    expect(peers.has(`salary\t${salary.label}`)).toBe(true);
  });

  it('Same examples: the lexicon reaches the peers as examples with each synonym written in', () => {
    const kb = productEngine().kb;
    const written = lexiconExamples(kb);
    const set = trainingSetOf(kb);
    const salary = set.intents.find((i) => i.id === 'salary')!;
    for (const alternative of kb.lexicon.synonyms.salary!) {
      expect(written.some((e) => e.label === 'salary' && new RegExp(`\\b${alternative}\\b`, 'i').test(e.text)), alternative).toBe(true);
    }
    for (const e of written.filter((w) => w.label === 'salary')) expect(salary.utterances).toContain(e.text);
  });

  it('Threshold tuning: chooses the threshold that separates the tuning questions, the lowest of equals', () => {
    const tuning = [q('a', 'salary'), q('b', 'salary'), q('c', NONE), q('d', NONE)];
    const predictions = new Map<string, Prediction>([
      ['a', { intent: 'salary', confidence: 0.9 }],
      ['b', { intent: 'salary', confidence: 0.7 }],
      ['c', { intent: 'salary', confidence: 0.3 }],
      ['d', { intent: 'salary', confidence: 0.2 }],
    ]);
    expect(tuneThreshold(tuning, predictions)).toBe(0.35);
    expect(THRESHOLDS[0]).toBe(0);
    expect(cut({ intent: 'salary', confidence: 0.3 }, 0.35).intent).toBe(NONE);
  });

  it('Threshold tuning for micro-F1: one out-of-scope question does not buy a threshold that loses two in-scope ones', () => {
    const tuning = [q('a', 'salary'), q('b', 'salary'), q('c', 'salary'), q('d', 'salary'), q('e', NONE)];
    const predictions = new Map<string, Prediction>([
      ['a', { intent: 'salary', confidence: 0.3 }],
      ['b', { intent: 'salary', confidence: 0.3 }],
      ['c', { intent: 'salary', confidence: 0.6 }],
      ['d', { intent: 'salary', confidence: 0.6 }],
      ['e', { intent: 'salary', confidence: 0.4 }],
    ]);
    expect(tuneThreshold(tuning, predictions, 'accuracy')).toBe(0);
    expect(tuneThreshold(tuning, predictions, 'balanced')).toBe(0.45);
  });

  it('Threshold tuning never reads the evaluated file: a separate tuning file loses any question the evaluated file asks', () => {
    const evaluated = [q('how much do they earn', 'salary'), q('what is the weather', NONE)];
    const tuning = [q('How much do they earn ', 'salary'), q('what exams are there', 'certs.overview')];
    const folds = tuningFolds('hidden.jsonl', evaluated, 'dev.jsonl', tuning);
    expect(folds).toHaveLength(1);
    expect(folds[0]!.evaluated).toEqual(evaluated);
    expect(folds[0]!.tuning.map((t) => t.text)).toEqual(['what exams are there']);
  });

  it('Threshold tuning never reads the evaluated file: the dev set measured on itself is tuned fold against fold', () => {
    const evaluated = ['a', 'b', 'c', 'A', 'd', 'e'].map((t) => q(t, 'salary'));
    const folds = tuningFolds('dev.jsonl', evaluated, './dev.jsonl', evaluated);
    expect(folds).toHaveLength(2);
    for (const fold of folds) {
      const measured = new Set(fold.evaluated.map((x) => x.text.toLowerCase()));
      expect(fold.tuning.some((x) => measured.has(x.text.toLowerCase()))).toBe(false);
    }
    expect(folds.flatMap((f) => f.evaluated)).toHaveLength(evaluated.length);
  });
});

describe('settings chosen on training data', () => {
  it('Cross-validation folds: every training utterance is held out exactly once and never trained on in its own fold', async () => {
    const { crossValidationFolds } = await import('../../src/bench/fairness.js');
    const corpus = { name: 'c', intents: { a: ['a1', 'a2', 'a3', 'a4', 'a5'], b: ['b1', 'b2', 'b3'], none: ['n1', 'n2'] } };
    const folds = crossValidationFolds(corpus, 3);
    expect(folds).toHaveLength(3);
    const held = folds.flatMap((f) => f.held.map((h) => h.text)).sort();
    expect(held).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2', 'b3', 'n1', 'n2']);
    for (const f of folds) {
      const trained = new Set(Object.values(f.train.intents).flat());
      for (const h of f.held) expect(trained.has(h.text)).toBe(false);
      expect(Object.keys(f.train.intents)).toEqual(['a', 'b', 'none']);
    }
  });
});
