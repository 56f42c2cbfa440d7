import { stem, tokenize, type Analyzer } from './analyze.js';
import { normalize } from './normalize.js';
import type { Intent, KnowledgeBase, Variant } from './types.js';

interface Comparer {
  readonly intent: Intent;
  readonly variant: Variant;
  /** Collection items a question can name, as stemmed term sequences (acronym and full name). */
  readonly items: readonly { readonly id: string; readonly aliases: readonly (readonly string[])[] }[];
}

/** Whether the terms contain one of the aliases, word for word. */
function mentioned(terms: readonly string[], aliases: readonly (readonly string[])[]): boolean {
  return aliases.some((alias) => terms.some((_t, i) => alias.length > 0 && alias.every((a, k) => terms[i + k] === a)));
}

/** Which variant of an intent a question asks for, and which collection items a comparison names ("CPC vs RHIT"). */
export class Variants {
  private readonly keywordTerms: ReadonlyMap<string, ReadonlySet<string>>;
  /** Keywords of several words ("for me"), as term sequences: a phrase outranks a single word. */
  private readonly keywordPhrases: ReadonlyMap<string, readonly (readonly string[])[]>;
  private readonly comparers: readonly Comparer[];

  constructor(kb: KnowledgeBase, analyzer: Analyzer) {
    this.keywordTerms = new Map(
      kb.intents.flatMap((i) => i.variants).map((v) => [v.id, new Set(v.keywords.filter((k) => !/\s/.test(k.trim())).flatMap((k) => analyzer.analyze(k).content))]),
    );
    this.keywordPhrases = new Map(
      kb.intents.flatMap((i) => i.variants).map((v) => [v.id, v.keywords.filter((k) => /\s/.test(k.trim())).map((k) => analyzer.analyze(k).terms).filter((t) => t.length > 1)]),
    );
    this.comparers = kb.intents
      .flatMap((intent) => intent.variants.filter((v) => v.compare).map((variant) => ({ intent, variant })))
      .map(({ intent, variant }) => {
        const collection = kb.knowledge.collections[variant.compare!]!;
        const items = collection.items.map((id) => {
          const record = kb.knowledge.facts[id]!.value as Record<string, string>;
          const aliases = [record.acronym, record.name].filter((a): a is string => Boolean(a));
          return { id, aliases: aliases.map((a) => tokenize(normalize(a)).map(stem)) };
        });
        return { intent, variant, items };
      });
  }

  /**
   * The variant a question asks for: the one whose keyword phrase it says ("best for me"), the
   * longest phrase first; otherwise the one whose keyword comes first in its terms; none without either.
   */
  choose(intent: Intent, terms: readonly string[]): Variant | undefined {
    let best: { variant: Variant; length: number; position: number } | undefined;
    for (const variant of intent.variants) {
      const keys = this.keywordTerms.get(variant.id)!;
      let found = { length: 1, position: terms.findIndex((t) => keys.has(t)) };
      for (const phrase of this.keywordPhrases.get(variant.id) ?? []) {
        const at = terms.findIndex((_t, i) => phrase.every((w, k) => terms[i + k] === w));
        if (at >= 0 && (found.position < 0 || phrase.length > found.length || (phrase.length === found.length && at < found.position))) found = { length: phrase.length, position: at };
      }
      if (found.position < 0) continue;
      if (!best || found.length > best.length || (found.length === best.length && found.position < best.position)) best = { variant, ...found };
    }
    return best?.variant;
  }

  /** The first comparison two or more of whose items the terms name, with those items. */
  comparison(terms: readonly string[]): { intent: Intent; variant: Variant; named: string[] } | undefined {
    for (const { intent, variant, items } of this.comparers) {
      const named = items.filter((item) => mentioned(terms, item.aliases)).map((item) => item.id);
      if (named.length >= 2) return { intent, variant, named };
    }
    return undefined;
  }

  /** Whether the id is a comparison variant's. */
  compares(id: string): boolean {
    return this.comparers.some((c) => c.variant.id === id);
  }

  /** The items of the comparison variant `id` that the terms name. */
  named(id: string, terms: readonly string[]): string[] {
    const comparer = this.comparers.find((c) => c.variant.id === id);
    return comparer ? comparer.items.filter((item) => mentioned(terms, item.aliases)).map((item) => item.id) : [];
  }
}
