/**
 * A small multinomial logistic regression over sparse weighted features: the discriminative half
 * of the matcher. Vector similarity alone lets a frequent shared phrase outvote the one word that
 * separates two intents ("when is the next train … to …"); a model fitted to the examples learns
 * which words decide. Trained by seeded SGD, so the same examples always give the same model.
 */

/** One training example: its feature ids, their values (same length) and its label index. */
export interface SparseExample {
  readonly ids: Int32Array;
  readonly values: Float64Array;
  readonly label: number;
}

export interface SoftmaxOptions {
  /** Passes over the examples. */
  readonly epochs: number;
  /** Initial learning rate (decays as 1 / (1 + epoch / 10)). */
  readonly rate: number;
  /** L2 penalty on the weights an example touches. */
  readonly l2: number;
  /** Seed of the example order. */
  readonly seed: number;
}

export class SoftmaxModel {
  /**
   * Weights feature by feature (`weights[feature * labelCount + label]`): an example touches a few
   * features and every label of each, so its weights lie together in memory.
   */
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;

  /** Fits label weights to the examples; `labelCount` labels over `featureCount` feature ids. */
  constructor(
    examples: readonly SparseExample[],
    private readonly labelCount: number,
    featureCount: number,
    options: SoftmaxOptions,
  ) {
    const L = labelCount;
    const W = new Float64Array(featureCount * L);
    const B = new Float64Array(L);
    const p = new Float64Array(L);
    const step = new Float64Array(L);
    const order = examples.map((_e, i) => i);
    let seed = options.seed >>> 0 || 1;
    const next = (): number => {
      // xorshift32: deterministic and cheap, enough to vary the order between passes.
      seed ^= seed << 13;
      seed >>>= 0;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      seed >>>= 0;
      return seed;
    };
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = next() % (i + 1);
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      const rate = options.rate / (1 + epoch / 10);
      const decay = rate * options.l2;
      for (const index of order) {
        const { ids, values, label } = examples[index]!;
        this.logits(W, B, ids, values, p);
        softmaxInPlace(p);
        for (let l = 0; l < L; l++) {
          step[l] = rate * (p[l]! - (l === label ? 1 : 0));
          B[l] = B[l]! - step[l]!;
        }
        for (let k = 0; k < ids.length; k++) {
          const row = ids[k]! * L;
          const value = values[k]!;
          for (let l = 0; l < L; l++) W[row + l] = W[row + l]! - step[l]! * value - decay * W[row + l]!;
        }
      }
    }
    this.weights = W;
    this.bias = B;
  }

  /** Probability of each label for a feature vector (ids and values of the same length). */
  predict(ids: ArrayLike<number>, values: ArrayLike<number>): Float64Array {
    const p = new Float64Array(this.labelCount);
    this.logits(this.weights, this.bias, ids, values, p);
    return softmaxInPlace(p);
  }

  private logits(W: Float64Array, B: Float64Array, ids: ArrayLike<number>, values: ArrayLike<number>, out: Float64Array): void {
    const L = this.labelCount;
    out.set(B);
    for (let k = 0; k < ids.length; k++) {
      const row = ids[k]! * L;
      const value = values[k]!;
      for (let l = 0; l < L; l++) out[l] = out[l]! + W[row + l]! * value;
    }
  }
}

function softmaxInPlace(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i] = Math.exp(z[i]! - max);
  for (let i = 0; i < z.length; i++) z[i] = z[i]! / sum;
  return z;
}
