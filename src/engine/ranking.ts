import type { Analysis } from './analyze.js';
import { within } from './context.js';
import type { Ranked } from './matcher.js';

/** What a ranking becomes within a question's scope, and what terms a question is matched with. */

/** The ranking as a scope answers: each label as it answers there (best score kept), the excluded left out. */
export function inScope(all: readonly Ranked[], excluded: readonly string[], as?: (label: string) => string | undefined): Ranked[] {
  const out = new Map<string, Ranked>();
  for (const r of all) {
    const label = as ? as(r.label) : r.label;
    if (label === undefined || excluded.some((x) => within(label, x))) continue;
    const seen = out.get(label);
    // The model's probabilities of one topic in two careers add up; the similarity is the better one's.
    if (seen) out.set(label, { label, score: seen.score + (r.learned ?? 0), learned: (seen.learned ?? 0) + (r.learned ?? 0) });
    else out.set(label, label === r.label ? r : { ...r, label });
  }
  return [...out.values()].sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : 1));
}

/**
 * The terms and pairs a question matches with, the name of the career it names left out when at
 * least two other words remain; otherwise the name as given, or as the career's title (`spelled`) so
 * "what does a PTA do" reads as "what does a physical therapist assistant do".
 */
export function withoutSilent(analysis: Analysis, silent: ReadonlySet<string>, spelled?: readonly string[]): string[] {
  const rest = [...analysis.terms.filter((t) => !silent.has(t)), ...analysis.pairs.filter((p) => !p.split(' ').some((w) => silent.has(w)))];
  // What is left must still say something ("what does a pharmacy tech do" is about the career as a whole).
  if (new Set(analysis.content.filter((t) => !silent.has(t))).size < 2) {
    const short = spelled !== undefined && analysis.content.some((t) => silent.has(t) && !spelled.includes(t));
    return short ? [...rest, ...spelled] : matchTerms(analysis);
  }
  return rest;
}

/** What the matcher compares: the terms and their pairs. */
export function matchTerms(analysis: Analysis): string[] {
  return [...analysis.terms, ...analysis.pairs];
}
