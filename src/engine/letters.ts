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
    const grams = words.flatMap(letterTrigrams);
    const value = this.weight / Math.sqrt(grams.length || 1);
    for (const gram of grams) {
      let id = this.ids.get(gram);
      if (id === undefined) {
        if (!learn) continue;
        this.ids.set(gram, (id = this.ids.size));
      }
      features.set(this.offset + id, (features.get(this.offset + id) ?? 0) + value);
    }
  }
}
