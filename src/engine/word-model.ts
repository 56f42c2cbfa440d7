import { TrigramSpace } from './letters.js';
import { SoftmaxModel, type SoftmaxOptions, type SparseExample } from './softmax.js';

/** How the matcher's fitted model is built: the softmax settings and the trigrams' weight. */
export interface WordModelOptions extends SoftmaxOptions {
  /** Weight of the words' letter trigrams in the features, against 1 for the words. */
  readonly trigramWeight: number;
}

/** One example as the matcher holds it: its sorted term ids, its vector norm and its label. */
export interface IndexedExample {
  readonly termIds: Int32Array;
  readonly norm: number;
  readonly label: number;
}

/**
 * The matcher's discriminative half: a softmax fitted to the examples' TF-IDF vectors plus the
 * letter trigrams of their words. It answers which label a question's words point to.
 */
export class WordModel {
  private readonly model: SoftmaxModel;
  private readonly trigrams: TrigramSpace;
  /** A question's features: sums by feature id, and the ids and values gathered. */
  private readonly sums: Float64Array;
  private readonly ids: Int32Array;
  private readonly values: Float64Array;

  /** `terms[id]` and `idf[id]` describe term id `id`; `labelCount` labels. */
  constructor(
    examples: readonly IndexedExample[],
    terms: readonly string[],
    idf: Float64Array,
    labelCount: number,
    options: WordModelOptions,
  ) {
    this.trigrams = new TrigramSpace(terms.length, options.trigramWeight);
    const fitted: SparseExample[] = examples.map(({ termIds, norm, label }) => {
      const features = new Map<number, number>();
      for (const id of termIds) features.set(id, idf[id]! / norm);
      this.trigrams.add(features, words(Array.from(termIds, (id) => terms[id]!)), true);
      return { ids: Int32Array.from(features.keys()), values: Float64Array.from(features.values()), label };
    });
    this.model = new SoftmaxModel(fitted, labelCount, this.trigrams.size, options);
    this.sums = new Float64Array(this.trigrams.size);
    this.ids = new Int32Array(this.trigrams.size);
    this.values = new Float64Array(this.trigrams.size);
  }

  /** Whether the model was fitted sparse: a feature weighs only its own labels, the knowledge base too large for all. */
  get sparse(): boolean {
    return !this.model.dense;
  }

  /**
   * Label probabilities for a question: its known terms (ids and weights, index for index) scaled
   * by the question's norm as in the cosine, so a question mostly of unknown words gets flat
   * probabilities, and the letter trigrams of all its words, unknown ones included. Typed arrays
   * keep this hot path of one shape whatever the question, empty ones included.
   */
  predict(termIds: Int32Array, weights: Float64Array, terms: readonly string[], norm: number): Float64Array {
    // Features gather in arrays the model keeps, cleared after use: a question allocates nothing here.
    const { sums, ids, values } = this;
    let n = 0;
    const use = (id: number, value: number): void => {
      if (sums[id] === 0) ids[n++] = id;
      sums[id] = sums[id]! + value;
    };
    for (let i = 0; i < termIds.length; i++) use(termIds[i]!, weights[i]! / norm);
    this.trigrams.each(words(terms), use);
    for (let k = 0; k < n; k++) {
      values[k] = sums[ids[k]!]!;
      sums[ids[k]!] = 0;
    }
    return this.model.predict(ids.subarray(0, n), values.subarray(0, n));
  }
}

/** The single words among terms (word pairs are "a b"). */
function words(terms: readonly string[]): string[] {
  return terms.filter((t) => !t.includes(' '));
}
