/**
 * A multinomial logistic regression over sparse weighted features: the discriminative half of the
 * matcher. Vector similarity alone lets a frequent shared phrase outvote the one word that
 * separates two intents ("when is the next train … to …"); a model fitted to the examples learns
 * which words decide. Trained by seeded SGD, so the same examples always give the same model.
 *
 * It learns at any size because a feature has weights only for the labels whose examples use it
 * (its support), and an example's softmax runs over the labels its features touch: a pass costs
 * the examples' features times their supports, not examples times every label. When that work is
 * past `maxWork`, the passes are fewer and then the features most labels share ("what", a common
 * trigram) are left out, as they separate labels least.
 */

/** One training example: its feature ids, their values (same length) and its label index. */
export interface SparseExample {
  readonly ids: Int32Array;
  readonly values: Float64Array;
  readonly label: number;
}

export interface SoftmaxOptions {
  /** Passes over the examples, at most. */
  readonly epochs: number;
  /** Passes over the examples however large they are. */
  readonly minEpochs: number;
  /**
   * Weight updates the fitting may make in all (an example's features times their labels, over the
   * passes): past it a large knowledge base gets fewer passes, down to `minEpochs`, and then its
   * most widely shared features are left out, so its fitting time stays bounded.
   */
  readonly maxWork: number;
  /**
   * The budget of a sparse fitting (`maxWork` when not given): past `maxWork` the model is fitted
   * sparse, on thousands of examples, and may be given more passes than the dense test allowed.
   */
  readonly sparseMaxWork?: number;
  /** Features of at most this many labels bring their labels into an example's softmax; the others only weigh in. */
  readonly candidates: number;
  /** Initial learning rate (decays as 1 / (1 + epoch / 10)). */
  readonly rate: number;
  /** L2 penalty on the weights an example touches. */
  readonly l2: number;
  /** Seed of the example order. */
  readonly seed: number;
}

export class SoftmaxModel {
  /** Feature f's weights are `weights[start[f] .. start[f + 1]]`, for the labels `labelOf[...]` (ascending). */
  private readonly start: Int32Array;
  private readonly labelOf: Int32Array;
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;
  /** Scratch of one prediction: logits then probabilities by label, and the labels touched. */
  private readonly out: Float64Array;
  private readonly stamp: Uint32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly candidates: number;
  /** Whether every feature has every label (the knowledge base was small enough); otherwise only its own labels. */
  readonly dense: boolean;
  private round = 0;

  /** Fits label weights to the examples; `labelCount` labels over `featureCount` feature ids. */
  constructor(
    examples: readonly SparseExample[],
    labelCount: number,
    featureCount: number,
    options: SoftmaxOptions,
  ) {
    const L = labelCount;
    this.candidates = options.candidates;
    this.bias = new Float64Array(L);
    this.out = new Float64Array(L);
    this.stamp = new Uint32Array(L);
    this.touched = new Int32Array(L);
    const { start, labelOf, epochs } = supports(examples, labelCount, featureCount, options);
    this.start = start;
    this.labelOf = labelOf;
    // Every feature has every label (in order): the softmax runs over all labels with no lookups.
    this.dense = labelOf.length === featureCount * L && start[1] === L;
    const W = (this.weights = new Float64Array(labelOf.length));
    const B = this.bias;
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
    const p = this.out;
    for (let epoch = 0; epoch < epochs; epoch++) {
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
        this.forward(ids, values, label);
        // p now holds the gradient of the loss by logit: probability, less 1 for the true label.
        p[label] = p[label]! - 1;
        for (let t = 0; t < this.touchedCount; t++) {
          const l = this.touched[t]!;
          B[l] = B[l]! - rate * p[l]!;
        }
        for (let k = 0; k < ids.length; k++) {
          const f = ids[k]!;
          const step = rate * values[k]!;
          for (let j = start[f]!, end = start[f + 1]!; j < end; j++) W[j] = W[j]! - step * p[labelOf[j]!]! - decay * W[j]!;
        }
      }
    }
  }

  /**
   * Probability of each label for a feature vector (ids and values of the same length): over the
   * labels its features touch, 0 for the others; from the biases alone when it touches none. The
   * array is the model's own and is overwritten by the next call.
   */
  predict(ids: ArrayLike<number>, values: ArrayLike<number>): Float64Array {
    this.forward(ids, values, -1);
    if (this.touchedCount === 0) {
      this.out.set(this.bias);
      return softmaxAll(this.out);
    }
    return this.out;
  }

  /**
   * Logits then softmax, in `out`, of the candidate labels: those touched by the features that
   * at most `candidates` labels use (and `label`, when given), or by every feature when it has none
   * of those. Widely shared features add to the candidates' logits but bring no new ones: a label
   * that shares only "what" with the question is no contender. Other labels are 0.
   */
  private forward(ids: ArrayLike<number>, values: ArrayLike<number>, label: number): void {
    if (this.dense) return this.forwardDense(ids, values);
    const { out, stamp, touched, start, labelOf, weights, bias } = this;
    for (let t = 0; t < this.touchedCount; t++) out[touched[t]!] = 0;
    if (this.touchedCount === 0) out.fill(0);
    let count = 0;
    this.touchedCount = 0;
    let round = ++this.round;
    if (round === 0xffffffff) {
      stamp.fill(0);
      round = this.round = 1;
    }
    if (label >= 0) {
      stamp[label] = round;
      out[label] = bias[label]!;
      touched[count++] = label;
    }
    // Candidates come from the features few labels use; when it has none of those, from all.
    const limit = this.candidates;
    let rareOnly = false;
    for (let k = 0; k < ids.length && !rareOnly; k++) {
      const size = start[ids[k]! + 1]! - start[ids[k]!]!;
      rareOnly = size > 0 && size <= limit;
    }
    count = this.touch(ids, values, rareOnly ? limit : Infinity, round, count);
    // The widely shared features add to the candidates' logits without bringing new ones.
    if (rareOnly) {
      for (let k = 0; k < ids.length; k++) {
        const f = ids[k]!;
        const begin = start[f]!;
        const end = start[f + 1]!;
        if (end - begin <= limit) continue;
        const value = values[k]!;
        for (let j = begin; j < end; j++) {
          const l = labelOf[j]!;
          if (stamp[l] === round) out[l] = out[l]! + weights[j]! * value;
        }
      }
    }
    softmaxOf(out, touched, count);
  }

  /** `forward` when every feature has every label: contiguous rows, every label a candidate. */
  private forwardDense(ids: ArrayLike<number>, values: ArrayLike<number>): void {
    const { out, weights, bias, touched } = this;
    const L = bias.length;
    out.set(bias);
    for (let k = 0; k < ids.length; k++) {
      const row = ids[k]! * L;
      const value = values[k]!;
      for (let l = 0; l < L; l++) out[l] = out[l]! + weights[row + l]! * value;
    }
    if (this.touchedCount !== L) {
      for (let l = 0; l < L; l++) touched[l] = l;
      this.touchedCount = L;
    }
    softmaxAll(out);
  }

  /**
   * Adds the features of at most `limit` labels to their labels' logits, touching labels not yet
   * touched this round (their logit starts at the bias); `count` labels are touched already. Sets
   * `touchedCount` and returns it.
   */
  private touch(ids: ArrayLike<number>, values: ArrayLike<number>, limit: number, round: number, count: number): number {
    const { out, stamp, touched, start, labelOf, weights, bias } = this;
    for (let k = 0; k < ids.length; k++) {
      const f = ids[k]!;
      const begin = start[f]!;
      const end = start[f + 1]!;
      if (end - begin > limit) continue;
      const value = values[k]!;
      for (let j = begin; j < end; j++) {
        const l = labelOf[j]!;
        if (stamp[l] !== round) {
          stamp[l] = round;
          out[l] = bias[l]!;
          touched[count++] = l;
        }
        out[l] = out[l]! + weights[j]! * value;
      }
    }
    this.touchedCount = count;
    return count;
  }
}

/**
 * Each feature's labels, ascending, as offsets into one array, and the passes to make. When the
 * work allows `minEpochs` passes with every label, every feature has every label (a feature then
 * also learns which labels it speaks against); otherwise the labels whose examples use it, as many
 * passes as `maxWork` allows (at least `minEpochs`), and only the features of fewest labels that fit.
 */
function supports(examples: readonly SparseExample[], labelCount: number, featureCount: number, options: SoftmaxOptions): { start: Int32Array; labelOf: Int32Array; epochs: number } {
  const byLabel = examples.map((_e, i) => i).sort((a, b) => examples[a]!.label - examples[b]!.label || a - b);
  const count = new Int32Array(featureCount);
  const uses = new Int32Array(featureCount);
  const last = new Int32Array(featureCount).fill(-1);
  for (const i of byLabel) {
    const { ids, label } = examples[i]!;
    for (const f of ids) {
      uses[f]!++;
      if (last[f] !== label) {
        last[f] = label;
        count[f]!++;
      }
    }
  }
  let allUses = 0;
  for (let f = 0; f < featureCount; f++) allUses += uses[f]!;
  if (denseWithin(allUses, labelCount, options)) {
    const start = Int32Array.from({ length: featureCount + 1 }, (_v, f) => f * labelCount);
    const labelOf = Int32Array.from({ length: featureCount * labelCount }, (_v, j) => j % labelCount);
    const epochs = Math.min(options.epochs, Math.max(options.minEpochs, Math.floor(options.maxWork / Math.max(1, allUses * labelCount))));
    return { start, labelOf, epochs };
  }
  // A pass costs each feature's uses times its labels.
  const budget = options.sparseMaxWork ?? options.maxWork;
  let work = 0;
  for (let f = 0; f < featureCount; f++) work += uses[f]! * count[f]!;
  const epochs = Math.max(options.minEpochs, Math.min(options.epochs, Math.floor(budget / Math.max(1, work))));
  let cap = Infinity;
  if (work * epochs > budget) {
    const byCount = Array.from({ length: featureCount }, (_v, f) => f).sort((a, b) => count[a]! - count[b]!);
    let spent = 0;
    for (const f of byCount) {
      spent += uses[f]! * count[f]! * epochs;
      if (spent > budget) {
        cap = count[f]! - 1;
        break;
      }
    }
  }
  const start = new Int32Array(featureCount + 1);
  for (let f = 0; f < featureCount; f++) start[f + 1] = start[f]! + (count[f]! <= cap ? count[f]! : 0);
  const labelOf = new Int32Array(start[featureCount]!);
  const fill = start.slice(0, featureCount);
  last.fill(-1);
  for (const i of byLabel) {
    const { ids, label } = examples[i]!;
    for (const f of ids) {
      if (last[f] !== label && count[f]! <= cap) labelOf[fill[f]!++] = label;
      last[f] = label;
    }
  }
  return { start, labelOf, epochs };
}

/** Whether examples of `labelCount` labels are fitted dense: `minEpochs` passes with every label fit the work budget. */
export function fitsDense(examples: readonly SparseExample[], labelCount: number, options: Pick<SoftmaxOptions, 'minEpochs' | 'maxWork'>): boolean {
  let allUses = 0;
  for (const { ids } of examples) allUses += ids.length;
  return denseWithin(allUses, labelCount, options);
}

/** The dense rule itself, on the examples' feature uses counted once. */
function denseWithin(allUses: number, labelCount: number, options: Pick<SoftmaxOptions, 'minEpochs' | 'maxWork'>): boolean {
  return allUses * labelCount * options.minEpochs <= options.maxWork;
}

/** Softmax in place over the `count` labels listed in `labels`. */
function softmaxOf(z: Float64Array, labels: Int32Array, count: number): void {
  let max = -Infinity;
  for (let t = 0; t < count; t++) max = Math.max(max, z[labels[t]!]!);
  let sum = 0;
  for (let t = 0; t < count; t++) sum += z[labels[t]!] = Math.exp(z[labels[t]!]! - max);
  for (let t = 0; t < count; t++) z[labels[t]!] = z[labels[t]!]! / sum;
}

function softmaxAll(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i] = Math.exp(z[i]! - max);
  for (let i = 0; i < z.length; i++) z[i] = z[i]! / sum;
  return z;
}
