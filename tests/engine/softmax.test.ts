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
const options = { epochs: 20, rate: 1, l2: 0.0001, seed: 7 };

describe('SoftmaxModel', () => {
  const model = new SoftmaxModel(examples, 2, 4, options);

  it('Fit: predicts the label of each of its own examples', () => {
    for (const e of examples) {
      const p = model.predict(e.ids, e.values);
      expect(p.indexOf(Math.max(...p))).toBe(e.label);
    }
  });

  it('Deciding word: the one feature only label 1 has outweighs the phrasing both share', () => {
    // A combination no example has: label 0's phrasing plus the deciding word.
    const p = model.predict([0, 2, 3], [0.58, 0.58, 0.58]);
    expect(p[1]).toBeGreaterThan(p[0]!);
    expect(model.predict([0, 2], [0.7, 0.7])[0]).toBeGreaterThan(0.5);
  });

  it('Probabilities: one per label, each in [0, 1], summing to 1, even with no features', () => {
    for (const p of [model.predict([1], [1]), model.predict([], [])]) {
      expect(p).toHaveLength(2);
      for (const x of p) expect(x).toBeGreaterThanOrEqual(0);
      expect(p[0]! + p[1]!).toBeCloseTo(1, 12);
    }
  });

  it('Determinism: the same examples and seed give the same model', () => {
    const again = new SoftmaxModel(examples, 2, 4, options);
    expect([...again.predict([0, 3], [0.7, 0.7])]).toEqual([...model.predict([0, 3], [0.7, 0.7])]);
  });
});
