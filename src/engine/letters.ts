/**
 * Letter trigrams of words, as extra features for the fitted model: "synchronization" and
 * "synchronizing" share most of theirs, so a word no example has still says something when its
 * letters resemble a known word's (inflections, compounds, typos the corrector left alone).
 */

/** The letter trigrams of one word, with its edges marked: "code" -> "<co", "cod", "ode", "de>". */
export function letterTrigrams(word: string): string[] {
  const marked = `<${word}>`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= marked.length; i++) out.push(marked.slice(i, i + 3));
  return out;
}

/** Trigram feature ids, numbered after the `offset` ids of the words themselves. */
export class TrigramSpace {
  private readonly ids = new Map<string, number>();
  private readonly cache = new Map<string, Int32Array>();

  constructor(
    private readonly offset: number,
    /** Norm of a text's trigram part, against 1 for its words' part. */
    private readonly weight: number,
  ) {}

  /** How many feature ids the words and trigrams take together. */
  get size(): number {
    return this.offset + this.ids.size;
  }

  /**
   * Adds the trigrams of `words` to `features` (id -> value); `learn` numbers trigrams not seen
   * before, otherwise they are skipped (a question cannot add features the model never saw).
   */
  add(features: Map<number, number>, words: readonly string[], learn: boolean): void {
    let grams = 0;
    for (const word of words) grams += word.length; // "<word>" has as many trigrams as the word has letters
    const value = this.weight / Math.sqrt(grams || 1);
    for (const word of words) {
      for (const id of learn ? this.learn(word) : this.known(word)) {
        features.set(this.offset + id, (features.get(this.offset + id) ?? 0) + value);
      }
    }
  }

  /** Calls `use` with the feature id and value of each known trigram of `words` (a question's side of `add`, without a map). */
  each(words: readonly string[], use: (id: number, value: number) => void): void {
    let grams = 0;
    for (const word of words) grams += word.length;
    const value = this.weight / Math.sqrt(grams || 1);
    for (const word of words) for (const id of this.known(word)) use(this.offset + id, value);
  }

  /** Numbers the word's trigrams not seen before; its trigram ids in order. */
  private learn(word: string): number[] {
    this.cache.clear();
    return letterTrigrams(word).map((gram) => {
      let id = this.ids.get(gram);
      if (id === undefined) this.ids.set(gram, (id = this.ids.size));
      return id;
    });
  }

  /** The ids of the word's known trigrams in order, remembered for the next question with it. */
  private known(word: string): Int32Array {
    let ids = this.cache.get(word);
    if (ids === undefined) {
      ids = Int32Array.from(letterTrigrams(word).flatMap((gram) => this.ids.get(gram) ?? []));
      if (this.cache.size >= MAX_CACHED_WORDS) this.cache.clear();
      this.cache.set(word, ids);
    }
    return ids;
  }
}

/** Words whose trigram ids are remembered between questions; past it the memory starts afresh. */
const MAX_CACHED_WORDS = 50_000;
