import Fuse from 'fuse.js';

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("hippa" -> "hipaa" is 1). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/** Shortest unknown word read as a shortened known one. */
const PREFIX_MIN = 5;

/** Edits a word of this length may need to still count as a typo of a known word. */
function allowedEdits(length: number): number {
  return length >= 7 ? 2 : 1;
}


/**
 * Corrects misspelt words against the knowledge base's own vocabulary. fuse.js proposes
 * candidates among the known words with the same first letter; an edit-distance check keeps only real typos, so an
 * unknown word of another domain ("lawyer") stays unknown instead of becoming a known one.
 */
export class SpellCorrector {
  /**
   * Known words by first letter, each group indexed by fuse.js the first time a typo needs it:
   * typos rarely hit the first letter, each search stays small, and start-up pays for no index.
   */
  private readonly groups = new Map<string, string[]>();
  private readonly byInitial = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, string | null>();

  /**
   * @param minLength shortest word to correct
   * @param shortWords words under 5 letters are corrected only into these (function words such as
   *   "what", "does"): "whxt" becomes "what", but "play" never becomes "pay"
   */
  constructor(
    private readonly vocabulary: ReadonlyMap<string, number>,
    private readonly minLength: number,
    private readonly shortWords: ReadonlySet<string> = new Set(),
  ) {
    for (const w of [...vocabulary.keys()].filter((x) => x.length >= minLength - 1).sort()) {
      const list = this.groups.get(w[0]!) ?? [];
      list.push(w);
      this.groups.set(w[0]!, list);
    }
  }

  private index(initial: string): Fuse<string> | undefined {
    let fuse = this.byInitial.get(initial);
    const words = this.groups.get(initial);
    if (!fuse && words) {
      fuse = new Fuse(words, { includeScore: true, threshold: 0.6, ignoreLocation: true, minMatchCharLength: 2 });
      this.byInitial.set(initial, fuse);
    }
    return fuse;
  }

  /** The known word `word` most likely misspells, or null when none is close enough. */
  correct(word: string): string | null {
    if (this.vocabulary.has(word) || this.shortWords.has(word)) return word;
    if (word.length < this.minLength || /\d/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    // A held key repeats a letter three times or more ("entttry", "rhhhit"): squeeze the run to
    // two letters or one. Doubles are left to the edit distance: "dress" is a word.
    const squeezed = [word.replace(/(.)\1{2,}/g, '$1$1'), word.replace(/(.)\1{2,}/g, '$1')].filter((w) => w !== word);
    let result = squeezed.find((w) => this.vocabulary.has(w) || this.shortWords.has(w)) ?? this.closest(word);
    for (const w of squeezed) result ??= this.closest(w);
    // "phlebs" shortens the plural of what "phleb" shortens.
    result ??= this.completion(word) ?? (word.endsWith('s') ? this.completion(word.slice(0, -1)) : null);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  /**
   * The known word an unknown one shortens ("phleb" -> "phlebotomist", "admin" -> "administrative"):
   * the most frequent known word that begins with it and is at least two letters longer. Only
   * words of five letters or more are read as shortened, so "dent" or "plum" stay unknown.
   */
  private completion(word: string): string | null {
    if (word.length < PREFIX_MIN) return null;
    let best: string | null = null;
    for (const candidate of this.groups.get(word[0]!) ?? []) {
      if (candidate.length < word.length + 2 || !candidate.startsWith(word)) continue;
      const freq = this.vocabulary.get(candidate) ?? 0;
      if (best === null || freq > (this.vocabulary.get(best) ?? 0)) best = candidate;
    }
    return best;
  }

  /** The known word within the allowed edits of `word`: the fewest edits, then the most frequent. */
  private closest(word: string): string | null {
    if (word.length < this.minLength) return null;
    const limit = allowedEdits(word.length);
    let best: { word: string; distance: number; freq: number } | null = null;
    for (const hit of this.index(word[0]!)?.search(word, { limit: 30 }) ?? []) {
      const candidate = hit.item;
      if (Math.abs(candidate.length - word.length) > limit) continue;
      // A short word becomes only a function word, or a word it swaps two letters of ("crae" ->
      // "care"): "play" must never become "pay".
      if (word.length < 5 && !this.shortWords.has(candidate) && !swapped(word, candidate)) continue;
      const distance = editDistance(word, candidate);
      if (distance > limit || distance >= candidate.length - 1) continue;
      const freq = this.vocabulary.get(candidate) ?? 0;
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance && (freq > best.freq || (freq === best.freq && candidate < best.word)))
      ) {
        best = { word: candidate, distance, freq };
      }
    }
    return best ? best.word : null;
  }
}

/** Whether two words differ by one swap of neighbouring letters ("crae" / "care"). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
