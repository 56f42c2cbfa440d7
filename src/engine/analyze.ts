import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import AggressiveTokenizer from 'natural/lib/natural/tokenizers/aggressive_tokenizer.js';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords.js';
import { normalize } from './normalize.js';
import { SpellCorrector } from './spell.js';
import type { Lexicon } from './types.js';

const tokenizer = new AggressiveTokenizer();

/** Splits normalised text into words (natural's tokenizer, punctuation dropped). */
export function tokenize(normalized: string): string[] {
  return tokenizer.tokenize(normalized).filter((t) => t.length > 0);
}

/**
 * Contractions as they arrive once apostrophes are dropped ("i'm" -> "im"), read as the function
 * words they stand for. Left alone, "im" is a rare word that one small-talk example happens to use,
 * and "im a beginner" would match it. Only forms that are not words themselves ("ill", "were", "its"
 * and "id" are, or may be).
 */
const CONTRACTIONS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    im: ['i', 'am'],
    ive: ['i', 'have'],
    youre: ['you', 'are'],
    youve: ['you', 'have'],
    theyre: ['they', 'are'],
    dont: ['do', 'not'],
    doesnt: ['does', 'not'],
    didnt: ['did', 'not'],
    cant: ['can', 'not'],
    couldnt: ['could', 'not'],
    wont: ['will', 'not'],
    wouldnt: ['would', 'not'],
    shouldnt: ['should', 'not'],
    isnt: ['is', 'not'],
    arent: ['are', 'not'],
    wasnt: ['was', 'not'],
    havent: ['have', 'not'],
    hasnt: ['has', 'not'],
    whats: ['what', 'is'],
    thats: ['that', 'is'],
    theres: ['there', 'is'],
    hows: ['how', 'is'],
    whos: ['who', 'is'],
    wheres: ['where', 'is'],
  }),
);

/** natural's stop words and two it lacks (its list has "no" but not "not"). */
export const STOP_WORDS: readonly string[] = [...naturalStopwords, 'not', 'nor'];

/** The words of a text: normalised, tokenized, contractions spelt out. */
export function wordsOf(text: string, maxChars?: number): string[] {
  const out: string[] = [];
  for (const w of tokenize(normalize(text, maxChars))) {
    const spelt = CONTRACTIONS.get(w);
    if (spelt) out.push(...spelt);
    else out.push(w);
  }
  return out;
}

const stems = new Map<string, string>();

/** Porter stem of one word (memoised: the stemmer is the costliest step of indexing). */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (stems.size > 200_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

export interface Analysis {
  /** Stemmed terms in question order (fillers, and stop words when dropped, removed). */
  readonly terms: readonly string[];
  /**
   * Pairs of neighbouring content words, stop words skipped ("later in my career" gives "later
   * career"), so word order the examples share counts as extra evidence while "how to" does not.
   */
  readonly pairs: readonly string[];
  /** The terms that are not stop words: what a question is about. */
  readonly content: readonly string[];
  /** Words of the question that were corrected, as `typo -> word`. */
  readonly corrections: readonly string[];
}

/**
 * The text pipeline shared by indexing and questions: normalise, tokenize, correct typos against
 * the known vocabulary, fold synonyms, drop stop words, stem. Built once per knowledge base.
 */
export class Analyzer {
  private readonly stop: Set<string>;
  /** Fillers by stem, so "gives" goes where "give" goes instead of being an unknown word. */
  private readonly fillerStems: Set<string>;
  /** What a short unknown word may be corrected into: every function word, the kept ones too ("muh" -> "much"). */
  private readonly spellingTargets: Set<string>;
  private readonly functionWords: Set<string>;
  private readonly phrases = new Map<string, string[]>();
  /** The first word of every phrase of two or more words: only there is a longer phrase looked up. */
  private readonly phraseStarts = new Set<string>();
  private readonly maxPhrase: number;
  private corrector: SpellCorrector | null = null;

  constructor(
    lexicon: Lexicon,
    private readonly maxChars: number,
    private readonly minCorrectable: number,
    dropStopWords = true,
  ) {
    const keep = new Set(lexicon.keep);
    this.functionWords = new Set(STOP_WORDS.filter((w) => !keep.has(w)));
    this.stop = new Set([...(dropStopWords ? this.functionWords : []), ...lexicon.fillers]);
    this.fillerStems = new Set(lexicon.fillers.map(stem));
    this.spellingTargets = new Set(STOP_WORDS.filter((w) => !this.stop.has(w)));
    let maxPhrase = 1;
    for (const [canonical, variants] of Object.entries(lexicon.synonyms)) {
      for (const variant of variants) {
        const key = tokenize(normalize(variant)).join(' ');
        this.phrases.set(key, tokenize(normalize(canonical)));
        if (key.includes(' ')) this.phraseStarts.add(key.slice(0, key.indexOf(' ')));
        maxPhrase = Math.max(maxPhrase, key.split(' ').length);
      }
    }
    this.maxPhrase = maxPhrase;
  }

  /** Sets the vocabulary that questions are spell-corrected against (words of the knowledge base). */
  setVocabulary(texts: Iterable<string>): void {
    const counts = new Map<string, number>();
    const add = (w: string): void => void counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const text of texts) for (const w of wordsOf(text)) add(w);
    for (const [key, canonical] of this.phrases) {
      for (const w of key.split(' ')) add(w);
      for (const w of canonical) add(w);
    }
    // Fillers themselves are no correction target ("life" must not become "like"); their
    // inflections stay, so "neeed" still becomes "needed" and is dropped as a filler.
    for (const w of this.stop) counts.delete(w);
    this.corrector = new SpellCorrector(counts, this.minCorrectable, this.spellingTargets);
  }

  /** Raw words of a text after typo correction and synonym folding, before stop words go. */
  private words(text: string): { words: string[]; corrections: string[] } {
    const raw = wordsOf(text, this.maxChars);
    const corrections: string[] = [];
    const corrected = raw.map((w) => {
      if (!this.corrector || this.dropped(w)) return w;
      const fixed = this.corrector.correct(w);
      if (fixed && fixed !== w) {
        corrections.push(`${w} -> ${fixed}`);
        return fixed;
      }
      return w;
    });
    return { words: this.foldSynonyms(corrected), corrections };
  }

  /** A text's words with typos corrected and synonyms folded, stop words kept ("pharmcy techs" -> "pharmacy technician"). */
  corrected(text: string): string {
    return this.words(text).words.join(' ');
  }

  /** The analysis of one text (a question, an utterance or a keyword). */
  analyze(text: string): Analysis {
    const { words, corrections } = this.words(text);
    const kept = words.filter((w) => !this.dropped(w));
    const chosen = kept.length > 0 ? kept : words;
    const terms = chosen.map(stem);
    const pairs: string[] = [];
    const content = terms.filter((_t, i) => !this.functionWords.has(chosen[i]!));
    for (let i = 1; i < content.length; i++) pairs.push(`${content[i - 1]} ${content[i]}`);
    return { terms, pairs, content, corrections };
  }

  /** Whether a word is left out of the terms: a filler in any inflection, or a dropped stop word. */
  private dropped(word: string): boolean {
    return this.stop.has(word) || this.fillerStems.has(stem(word));
  }

  private foldSynonyms(words: string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      let matched = false;
      const longest = this.phraseStarts.has(words[i]!) ? Math.min(this.maxPhrase, words.length - i) : 1;
      for (let n = longest; n >= 1; n--) {
        const canonical = this.phrases.get(words.slice(i, i + n).join(' '));
        if (canonical) {
          out.push(...canonical);
          i += n;
          matched = true;
          break;
        }
      }
      if (!matched) out.push(words[i++]!);
    }
    return out;
  }
}
