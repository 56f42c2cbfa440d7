import { TrigramSpace } from './letters.js';
import { fitsDense, SoftmaxModel, type SoftmaxOptions, type SparseExample } from './softmax.js';

/** How the matcher's fitted model is built: the softmax settings and the trigrams' weight. */
export interface WordModelOptions extends SoftmaxOptions {
  /** Weight of the words' letter trigrams in the features, against 1 for the words. */
  readonly trigramWeight: number;
  /**
   * Weight of neighbouring word pairs, stop words included ("call me", "call you"), and of the first
   * and last word as such, against 1 for the words, when the model is fitted sparse (a large
   * knowledge base); a dense one has none.
   */
  readonly bigramWeight?: number;
}

/** One example as the matcher holds it: its sorted term ids, its vector norm and its label. */
export interface IndexedExample {
  readonly termIds: Int32Array;
  readonly norm: number;
  readonly label: number;
  /** Its words in order, stop words included (word pairs are read from them). */
  readonly words?: readonly string[];
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
  /** Word pair feature ids (numbered after the trigrams) and their weight; none when fitted dense. */
  private readonly bigrams = new Map<string, number>();
  private readonly bigramWeight: number;

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
    // Word pairs only where the model is fitted sparse: thousands of examples say which pairs decide.
    this.bigramWeight = (options.bigramWeight ?? 0) > 0 && !fitsDense(fitted, labelCount, options) ? options.bigramWeight! : 0;
    let featureCount = this.trigrams.size;
    if (this.bigramWeight > 0) {
      examples.forEach((example, i) => {
        const pairs = wordPairs(example.words ?? []);
        if (pairs.length === 0) return;
        const features = new Map<number, number>();
        const value = this.bigramWeight / Math.sqrt(pairs.length);
        for (const pair of pairs) {
          let id = this.bigrams.get(pair);
          if (id === undefined) this.bigrams.set(pair, (id = featureCount + this.bigrams.size));
          features.set(id, (features.get(id) ?? 0) + value);
        }
        const { ids, values, label } = fitted[i]!;
        fitted[i] = { ids: Int32Array.from([...ids, ...features.keys()]), values: Float64Array.from([...values, ...features.values()]), label };
      });
      featureCount += this.bigrams.size;
    }
    this.model = new SoftmaxModel(fitted, labelCount, featureCount, options);
    this.sums = new Float64Array(featureCount);
    this.ids = new Int32Array(featureCount);
    this.values = new Float64Array(featureCount);
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
  predict(termIds: Int32Array, weights: Float64Array, terms: readonly string[], norm: number, order: readonly string[] = terms): Float64Array {
    // Features gather in arrays the model keeps, cleared after use: a question allocates nothing here.
    const { sums, ids, values } = this;
    let n = 0;
    const use = (id: number, value: number): void => {
      if (sums[id] === 0) ids[n++] = id;
      sums[id] = sums[id]! + value;
    };
    for (let i = 0; i < termIds.length; i++) use(termIds[i]!, weights[i]! / norm);
    this.trigrams.each(words(terms), use);
    if (this.bigramWeight > 0) {
      const pairs = wordPairs(words(order));
      const value = this.bigramWeight / Math.sqrt(pairs.length || 1);
      for (const pair of pairs) {
        const id = this.bigrams.get(pair);
        if (id !== undefined) use(id, value);
      }
    }
    for (let k = 0; k < n; k++) {
      values[k] = sums[ids[k]!]!;
      sums[ids[k]!] = 0;
    }
    return this.model.predict(ids.subarray(0, n), values.subarray(0, n));
  }
}

/**
 * Neighbouring words as pairs ("a b"), and the first and last word paired with the question's
 * edges ("^ how", "due $"): how a question opens and ends tells related intents apart ("how long
 * until my card …" asks a duration, "when …" a date) where the same words in the middle do not.
 */
function wordPairs(words: readonly string[]): string[] {
  const out: string[] = [];
  if (words.length === 0) return out;
  out.push(`^ ${words[0]}`, `${words[words.length - 1]} $`);
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]} ${words[i]}`);
  return out;
}

/** The single words among terms (word pairs are "a b"). */
function words(terms: readonly string[]): string[] {
  return terms.filter((t) => !t.includes(' '));
}
