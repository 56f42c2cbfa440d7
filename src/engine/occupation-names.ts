import { stem, tokenize } from './analyze.js';
import { normalize } from './normalize.js';

/**
 * How occupation names are read, in titles and in questions: a title's words as stems, the names a
 * title goes by, and the parts of a question that name no occupation asked about (a workplace's
 * owner, the asker's own job).
 */

/** Words that join or qualify title parts and carry no occupation ("and", "of", "all other"). */
const LINKS = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'in', 'for', 'to', 'with', 'except', 'all', 'other', 'including']);

/**
 * A title's words as stems, without linking words ("Dental Assistants" -> dental assist); `fold`
 * reads a short form as its word ("tech" -> technician) so "lab tech" and "lab technician" are one name.
 */
export function stemsOf(text: string, fold?: ReadonlyMap<string, string>): string[] {
  // normalize leaves only lower-case letters, digits, spaces and sentence punctuation.
  return tokenize(normalize(text).replace(/[?;.!,]+/g, ' '))
    .filter((w) => !LINKS.has(w))
    .map((w) => stem(fold?.get(w) ?? w));
}

/** The lexicon's single-word synonyms as word -> canonical ("tech" -> "technician"), for the canonicals `keep` accepts. */
export function singleWordFold(synonyms: Readonly<Record<string, readonly string[]>>, keep: (canonical: string) => boolean = () => true): Map<string, string> {
  return new Map(
    Object.entries(synonyms)
      .filter(([canonical]) => keep(canonical))
      .flatMap(([canonical, forms]) => forms.filter((f) => !f.includes(' ')).map((f) => [f, canonical] as const)),
  );
}

/**
 * The ways a title is named: each part of "A, B, and C D" on its own ("Welders, Cutters, and
 * Brazers"), a part that is only a generic head word ("Installers", "Technicians") together with
 * the title's modifiers, a part without the title's head word given it ("Medical Records and Health
 * Information Technicians" -> medical records technicians), and the last two words of a long name
 * ("tractor-trailer truck drivers" -> truck drivers).
 */
export function namesOf(title: string, generic: ReadonlySet<string>, heads: ReadonlySet<string>): string[][] {
  const clean = nameOf(title);
  const plural = new Set(clean.split(/[\s,/&]+/).filter((w) => /[^s]s$/i.test(w)).map((w) => stem(normalize(w))));
  const parts = clean
    .split(/,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*\/\s*|\s+&\s+/)
    .map((p) => stemsOf(p))
    .filter((p) => p.length > 0);
  if (parts.length === 0) return [];
  const last = parts.at(-1)!;
  const head = last.at(-1)!;
  const modifiers = parts[0]!.length > 1 ? parts[0]!.slice(0, -1) : [];
  const names: string[][] = [stemsOf(clean)];
  for (const part of parts) {
    let name = part;
    const single = part.length === 1;
    if (single && generic.has(part[0]!)) name = modifiers.length > 0 ? [...modifiers, part[0]!] : [];
    // "Police" of "Police, Fire, and Ambulance Dispatchers" needs the head; "Dietitians" of
    // "Dietitians and Nutritionists" is an occupation of its own.
    else if (part !== last && (single ? !plural.has(part[0]!) : !heads.has(part.at(-1)!))) name = [...part, head];
    if (name.length > 0) names.push(name);
    if (name.length >= 3) names.push(name.slice(-2));
  }
  return names;
}

/**
 * A title without its qualifiers: O*NET writes "Cooks, Restaurant", "Software Developers,
 * Applications", "Chemistry Teachers, Postsecondary", "X, All Other", "Y, Except Z". A comma
 * starts a qualifier unless it is part of a list ("Welders, Cutters, and Welder Fitters"), and then
 * only after the list's "and" or "or" part.
 */
export function nameOf(title: string): string {
  const parts = title.replace(/\([^()]*\)/g, ' ').split(/\s*,\s*/);
  const listEnd = parts.findIndex((p, i) => i > 0 && /^(and|or)\s/i.test(p));
  const kept = listEnd > 0 ? parts.slice(0, listEnd + 1) : parts.slice(0, 1);
  return kept.join(', ').replace(/,\s*(except|all other|including)\b.*$/i, '');
}

/**
 * Whose place of work a question names ("working in a dentist's office", "at the vet's clinic"):
 * the owner is where the job is, not the occupation asked about, so it is not read as one.
 */
const WORKPLACE_OWNER = /\b[a-z]+['’]s\s+(?=(?:office|practice|clinic)s?\b)/gi;

/** A place named for care, not for who gives it: a "nursing home" is no nurse's. */
const CARE_PLACE = /\bnursing\s+(?=(?:homes?|facilit(?:y|ies)|centers?|centres?)\b)/gi;

/** The text without the owners of the places of work it names ("the DA's office" -> "the office", "nursing homes" -> "homes"). */
export function withoutWorkplaceOwners(text: string): string {
  return text.replace(WORKPLACE_OWNER, ' ').replace(CARE_PLACE, ' ');
}

/**
 * The asker's own job, said as context ("im a CNA and ...", "I work as a nurse, ..."): up to the
 * next joining word or punctuation.
 */
export const SELF_DESCRIPTION = /\b(?:i\s?['’]?m|i am|i work as|i['’]?ve been|i have been|i was)\s+an?\s+[^,.;!?]*?(?=\s+(?:and|but|so|because)\b|[,.;!?]|$)/gi;

/** Where a name occurs in a question's stems, if it does. */
export function spanOf(words: readonly string[], name: readonly string[]): [number, number] | undefined {
  for (let i = 0; i + name.length <= words.length; i++) {
    if (name.every((w, k) => words[i + k] === w)) return [i, i + name.length];
  }
  return undefined;
}
