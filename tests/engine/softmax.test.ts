import { describe, expect, it } from 'vitest';
import { SoftmaxModel, type SparseExample } from '../../src/engine/softmax.js';

/** Features 0-2 are shared phrasing; feature 3 appears only in label 1's examples. */
const examples: SparseExample[] = [
  { ids: Int32Array.of(0, 1, 2), values: Float64Array.of(0.6, 0.6, 0.5), label: 0 },
  { ids: Int32Array.of(0, 1), values: Float64Array.of(0.7, 0.7), label: 0 },
  { ids: Int32Array.of(0, 2), values: Float64Array.of(0.7, 0.7), label: 0 },
  { ids: Int32Array.of(0, 1, 2, 3), values: Float64Array.of(0.5, 0.5, 0.5, 0.5), label: 1 },
  { ids: Int32Array.of(1, 3), values: Float64Array.of(0.7, 0.7), label: 1 },
];
const options = { epochs: 20, minEpochs: 3, rate: 1, l2: 0.0001, seed: 7, maxWork: 1e8, candidates: 64 };

describe('SoftmaxModel', () => {
  const model = new SoftmaxModel(examples, 2, 4, options);

  it('Fit: predicts the label of each of its own examples', () => {
    for (const e of examples) {
      const p = [...model.predict(e.ids, e.values)];
      expect(p.indexOf(Math.max(...p))).toBe(e.label);
    }
  });

  it('Deciding word: the one feature only label 1 has outweighs the phrasing both share', () => {
    // A combination no example has: label 0's phrasing plus the deciding word.
    const p = [...model.predict([0, 2, 3], [0.58, 0.58, 0.58])];
    expect(p[1]).toBeGreaterThan(p[0]!);
    expect(model.predict([0, 2], [0.7, 0.7])[0]).toBeGreaterThan(0.5);
  });

  it('Probabilities: one per label, each in [0, 1], summing to 1, even with no features', () => {
    for (const p of [[...model.predict([1], [1])], [...model.predict([], [])]]) {
      expect(p).toHaveLength(2);
      for (const x of p) expect(x).toBeGreaterThanOrEqual(0);
      expect(p[0]! + p[1]!).toBeCloseTo(1, 12);
    }
  });

  it('Determinism: the same examples and seed give the same model', () => {
    const again = new SoftmaxModel(examples, 2, 4, options);
    expect([...again.predict([0, 3], [0.7, 0.7])]).toEqual([...model.predict([0, 3], [0.7, 0.7])]);
  });

  it('Dense when affordable: every feature learns every label, so a feature only label 1 uses also speaks against label 0', () => {
    const p = [...model.predict([3], [1])];
    expect(p[1]).toBeGreaterThan(0.9);
    expect(p[0]).toBeGreaterThan(0);
  });

  it('Support when work is scarce: a label has weights only for features its examples use; a question touching only label 1\'s feature gives label 0 nothing', () => {
    const sparse = new SoftmaxModel(examples, 2, 4, { ...options, maxWork: 50 });
    expect([...sparse.predict([3], [1])]).toEqual([0, 1]);
    for (const e of examples) {
      const p = [...sparse.predict(e.ids, e.values)];
      expect(p.indexOf(Math.max(...p))).toBe(e.label);
    }
  });
});

describe('SoftmaxModel at any size', () => {
  /** 400 labels; each has its own word (feature 2 + label) and all share features 0 and 1 ("what", "is"). */
  const many: SparseExample[] = [];
  for (let l = 0; l < 400; l++) {
    for (let r = 0; r < 3; r++) many.push({ ids: Int32Array.of(0, 1, 2 + l), values: Float64Array.of(0.3, 0.3, 0.9), label: l });
  }

  it('Candidates: a feature more labels share than `candidates` brings none of them into the softmax, so an example costs its own labels, and each label is still learned', () => {
    const model = new SoftmaxModel(many, 400, 402, { ...options, epochs: 5, candidates: 10, maxWork: 1e6 });
    for (const l of [0, 137, 399]) {
      const p = [...model.predict([0, 1, 2 + l], [0.3, 0.3, 0.9])];
      expect(p.indexOf(Math.max(...p))).toBe(l);
      expect(p.filter((x) => x > 0)).toHaveLength(1);
    }
  });

  it('Bounded work: past `maxWork` the most shared features are left out, and the labels are still told apart by their own', () => {
    const model = new SoftmaxModel(many, 400, 402, { ...options, maxWork: 5000 });
    for (const l of [3, 250]) {
      const p = [...model.predict([0, 1, 2 + l], [0.3, 0.3, 0.9])];
      expect(p.indexOf(Math.max(...p))).toBe(l);
    }
    // "what is" alone touches no label of the model: the biases decide, all alike.
    const flat = [...model.predict([0, 1], [0.3, 0.3])];
    expect(Math.max(...flat) - Math.min(...flat)).toBeLessThan(0.01);
  });
});
