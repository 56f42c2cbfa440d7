import { stem } from './analyze.js';
import { careersOf } from './careers.js';
import { nameOf, namesOf, SELF_DESCRIPTION, singleWordFold, spanOf, stemsOf, withoutWorkplaceOwners } from './occupation-names.js';
import type { KnowledgeBase } from './types.js';

export { nameOf, withoutWorkplaceOwners } from './occupation-names.js';

/** An occupation as the knowledge base lists it (O*NET-SOC code and title). */
export interface Occupation {
  readonly soc: string;
  readonly title: string;
}

interface Named {
  readonly words: readonly string[];
  readonly title: string;
  readonly own: boolean;
  /** Intents whose own questions name this other occupation, the only ones that may answer a question naming it. */
  readonly askedBy?: readonly string[];
  /** The covered career it names, when it is one's own title. */
  readonly career?: string;
  /** It names the career as a whole (its title, O*NET title or short form), not one of its related job titles. */
  readonly whole?: boolean;
  /** Order of listing: among equally long names found, the first listed wins. */
  readonly seq: number;
}

/** A credential word before a name ("Certified", "Nationally Registered"). */
const CREDENTIAL_WORD = /^(?:(?:nationally|board)[- ])?(?:certified|registered|licensed|credentialed|national)\s+/i;

/**
 * A name without the credential word before it ("Certified Nursing Assistant" -> "Nursing
 * Assistant"), when at least `rest` words remain; otherwise the name as it is.
 */
export function withoutCredentialWord(name: string, rest: number): string {
  const m = CREDENTIAL_WORD.exec(name);
  const left = m ? name.slice(m[0].length).trim() : '';
  return left !== '' && left.split(/\s+/).length >= rest ? left : name;
}

/** O*NET's catch-all titles ("Physicians and Surgeons, All Other"): the names people give them are different occupations. */
const CATCH_ALL = /,\s*All Other$/i;

/** The index key of a name: its last two words, or its only word. */
const keyOf = (words: readonly string[]): string => words.slice(-2).join(' ');

/** What a question names: another occupation (by its title), and the covered careers it names. */
export interface NamedOccupations {
  readonly other?: string;
  /** Every other occupation the text names, in the order found (`other` is the first). */
  readonly others?: readonly string[];
  /** The intents whose questions name that other occupation (a comparison with it), if any. */
  readonly askedBy?: readonly string[];
  readonly careers: readonly string[];
  /** The words (stems) with which the text names the one career it names, when it names it once and as a whole ("pharmacy tech", not "medical coder"). */
  readonly careerWords?: readonly string[];
  /** The words of every covered career's name as the text gave them ("lab tech", "phlebotomist"). */
  readonly namesGiven?: readonly string[];
  /** The asker said which of the occupations named is their own job ("I'm a CNA"): it was set aside. */
  readonly ownJobSaid?: boolean;
}

/**
 * Tells when a question names an occupation the knowledge base does not cover ("what's the
 * starting pay for a pharmacy tech"), from data: the occupation titles (O*NET-SOC), the short forms
 * people type, and the career's own codes and job titles, which stay in scope. The longest name
 * found wins, so "health information technician" is the career's own even though "information
 * technician" could be read alone; a word the knowledge base's own questions use ("coder") is
 * never an occupation by itself.
 */
export class OccupationFinder {
  /** Names by their last two words, or their only word. */
  private readonly byKey = new Map<string, Named[]>();
  private readonly fold: ReadonlyMap<string, string>;
  private readonly titleAskedBy: ReadonlyMap<string, readonly string[]>;
  /** Where a covered career's initials mean something else: a place or a degree. */
  private readonly initialsElsewhere: RegExp | undefined;
  private count = 0;

  constructor(kb: KnowledgeBase) {
    const { titles, shortForms } = kb.occupations;
    const careers = careersOf(kb.knowledge);
    const careerOfCode = new Map(careers.flatMap((c) => c.soc.map((code) => [code, c.id] as const)));
    const ownCodes = new Set(careerOfCode.keys());
    const lastWords = new Map<string, number>();
    for (const o of titles) {
      const s = stemsOf(nameOf(o.title));
      if (s.length > 0) lastWords.set(s.at(-1)!, (lastWords.get(s.at(-1)!) ?? 0) + 1);
    }
    const generic = new Set([...lastWords].filter(([, n]) => n >= 3).map(([w]) => w));
    // The lexicon's single-word synonyms of words that occur in titles ("tech" for "technician").
    const titleWords = new Set(titles.flatMap((o) => stemsOf(o.title)));
    this.fold = singleWordFold(kb.lexicon.synonyms, (canonical) => titleWords.has(stem(canonical)));
    const stems = (text: string) => stemsOf(text, this.fold);
    const initials: string[] = [];
    const heads = new Set(lastWords.keys());
    const vocabulary = new Set(kb.intents.flatMap((i) => i.utterances.flatMap(stems)));
    // An occupation the knowledge base's own questions name ("pharmacy technician vs pharmacist")
    // may be asked about by those intents only; asked about for itself, it still falls back.
    const asked = kb.intents.filter((i) => !i.smallTalk).map((i) => ({ id: i.id, text: i.utterances.map((u) => ` ${stems(u).join(' ')} `).join('|') }));
    const askedBy = (words: readonly string[]): string[] => asked.filter((a) => a.text.includes(` ${words.join(' ')} `)).map((a) => a.id);
    // The careers' own names: their titles as a whole, and the job titles their facts list.
    // A related title that is another covered career's own title ("Surgical Technologist (CST)" on a
    // sterile processing page) names that career, not this one.
    const careerTitles = new Set(careers.map((c) => stems(c.title).join(' ')));
    for (const c of careers) {
      const own = stems(c.title);
      this.add({ words: own, title: c.title, own: true, career: c.id, whole: true });
      for (const title of c.titles.flatMap((id) => kb.knowledge.facts[id]?.value as readonly string[])) {
        // "OR assistant" without its linking-word-like "OR" would be "assistant", every assistant's word;
        // a title's bracketed initials ("… Assistant (CRTA)") are not how people say it.
        const words = stems(title.replace(/\s*\([^()]*\)/g, ''));
        if (words.length === 1 && title.trim().split(/\s+/).length > 1) continue;
        if (careerTitles.has(words.join(' ')) && words.join(' ') !== own.join(' ')) continue;
        this.add({ words, title, own: true, career: c.id });
      }
    }
    // A certification's name ("Registered Bedside Care Aide") is the knowledge base's own, not an occupation asked about.
    const bareCerts: { words: string[]; title: string }[] = [];
    for (const fact of Object.values(kb.knowledge.facts)) {
      const value = fact.value as { name?: unknown; acronym?: unknown } | null;
      if (value && typeof value === 'object' && typeof value.name === 'string' && typeof value.acronym === 'string') {
        this.add({ words: stems(value.name), title: value.name, own: true });
        // Said without its credential word ("the surgical animal nursing specialist cert"), once the occupations are known.
        const bare = withoutCredentialWord(value.name, 2);
        if (bare !== value.name) bareCerts.push({ words: stems(bare), title: value.name });
      }
    }
    const careerOf = (soc: string) => careerOfCode.get(soc);
    for (const o of titles) {
      for (const words of namesOf(o.title, generic, heads)) {
        if (words.length === 1 && vocabulary.has(words[0]!)) continue;
        const career = careerOf(o.soc);
        const own = ownCodes.has(o.soc);
        const by = own ? [] : askedBy(words);
        this.add({ words, title: o.title, own, ...(career ? { career, whole: true } : {}), ...(by.length > 0 ? { askedBy: by } : {}) });
      }
    }
    for (const f of shortForms) {
      const career = careerOf(titles.find((t) => t.title === f.title)?.soc ?? '');
      const words = stems(f.form);
      const own = career !== undefined;
      if (f.ownOnly && !own) continue;
      if (f.ownOnly) initials.push(f.form.toLowerCase());
      const by = own ? [] : askedBy(words);
      this.add({ words, title: f.title, own, ...(career ? { career, whole: true } : {}), ...(by.length > 0 ? { askedBy: by } : {}) });
    }
    // A certification's name without its credential word that is an occupation's name ("Medical
    // Assistant" of "Certified Medical Assistant") still names that occupation.
    for (const cert of bareCerts) {
      const same = (this.byKey.get(keyOf(cert.words)) ?? []).some((n) => !n.own && n.words.join(' ') === cert.words.join(' '));
      if (!same) this.add({ ...cert, own: true });
    }
    this.abbreviateOwnNames();
    this.titleAskedBy = this.askedByTitle();
    // Initials in their other senses: a place ("what about in MA?", Massachusetts) or a degree
    // ("is an MA degree required", "an MA in English") names no career.
    const forms = initials.map((f) => f.replace(/[^a-z0-9]/g, '')).filter((f) => f !== '').join('|');
    this.initialsElsewhere = forms ? new RegExp(`\\b(?:in|from|to|at|near)\\s+(?:${forms})\\b|\\b(?:${forms})\\s+(?:degrees?|in|programs?|students?)\\b`, 'gi') : undefined;
  }

  /**
   * A covered career's name with a word cut short, as people type it ("resp therapist", "surg
   * tech", "pharm tech"): every word but the last, cut to four letters or more, with the rest of the
   * name as written, names the career too.
   */
  private abbreviateOwnNames(): void {
    const own = [...this.byKey.values()].flat().filter((n) => n.own && n.whole && n.words.length >= 2);
    for (const named of own) {
      named.words.slice(0, -1).forEach((word, i) => {
        for (let k = 4; k < word.length; k++) this.add({ ...named, words: named.words.map((w, j) => (j === i ? word.slice(0, k) : w)) });
      });
    }
  }

  /** Intents whose questions name an occupation by any of its names ("medical lab technician" for "lab tech"). */
  private askedByTitle(): Map<string, string[]> {
    const byTitle = new Map<string, Set<string>>();
    for (const list of this.byKey.values()) {
      for (const n of list) {
        if (!n.askedBy || CATCH_ALL.test(n.title)) continue;
        const set = byTitle.get(n.title) ?? new Set<string>();
        for (const id of n.askedBy) set.add(id);
        byTitle.set(n.title, set);
      }
    }
    return new Map([...byTitle].map(([title, ids]) => [title, [...ids]]));
  }

  /**
   * The intents whose questions name each of these occupations (by any name of its title; a
   * catch-all title's names are each an occupation of their own: a cardiologist is no pulmonologist).
   */
  private askedByAll(names: readonly Named[]): string[] | undefined {
    const sets = names.map((n) => (CATCH_ALL.test(n.title) ? n.askedBy ?? [] : this.titleAskedBy.get(n.title) ?? []));
    const all = sets[0]!.filter((id) => sets.every((s) => s.includes(id)));
    return all.length > 0 ? all : undefined;
  }

  private add(named: Omit<Named, 'seq'>): void {
    if (named.words.length === 0) return;
    const key = keyOf(named.words);
    const list = this.byKey.get(key) ?? [];
    list.push({ ...named, seq: this.count++ });
    this.byKey.set(key, list);
  }

  /**
   * What a question asks about: `names`, except that an occupation the asker only says they are
   * ("so im a CNA and i see the resp therapists ... what are they responsible for") is context
   * when the question also names a covered career, which is then what it asks about; and a covered
   * career said only as the asker's own job is not what they ask about.
   */
  asked(text: string): NamedOccupations {
    const all = this.names(text);
    if (!all.other || all.careers.length === 0) return all;
    // names() reads the first 1,000 characters: so does this (a long message costs no more).
    const rest = this.names(text.slice(0, 1000).replace(SELF_DESCRIPTION, ' '));
    // The asker's job is the other occupation: the covered career is what they ask about.
    if (!rest.other && rest.careers.length > 0) return { ...rest, ownJobSaid: true };
    // The asker's job is the covered career ("I'm a dental assistant, how much does a dentist
    // make"): the other occupation is what they ask about.
    if (rest.other && rest.careers.length === 0) return { ...rest, ownJobSaid: true };
    return all;
  }

  /** Another occupation the text names, if any, and the covered careers it names. */
  names(text: string): NamedOccupations {
    const head = withoutWorkplaceOwners(text.slice(0, 1000));
    const words = stemsOf(this.initialsElsewhere ? head.replace(this.initialsElsewhere, ' ') : head, this.fold);
    // Candidates by their last two words (or only word): a name can only be where those stand.
    const candidates = new Set<Named>();
    words.forEach((w, i) => {
      for (const named of this.byKey.get(w) ?? []) candidates.add(named);
      if (i > 0) for (const named of this.byKey.get(`${words[i - 1]} ${w}`) ?? []) candidates.add(named);
    });
    // In the order of their head word's first place in the text, then as listed: ties keep that order.
    const headOrder = new Map([...new Set(words)].map((w, i) => [w, i]));
    const ordered = [...candidates].sort((a, b) => headOrder.get(a.words.at(-1)!)! - headOrder.get(b.words.at(-1)!)! || a.seq - b.seq);
    const found: { span: [number, number]; named: Named }[] = [];
    for (const named of ordered) {
      const span = spanOf(words, named.words);
      if (span) found.push({ span, named });
    }
    // Longest first: a name inside a longer one belongs to the longer one.
    found.sort((a, b) => b.span[1] - b.span[0] - (a.span[1] - a.span[0]));
    const taken: [number, number][] = [];
    const careers: string[] = [];
    const spans: { words: string[]; whole: boolean }[] = [];
    let other: Named | undefined;
    const others: string[] = [];
    const otherNames: Named[] = [];
    for (const { span, named } of found) {
      if (taken.some(([s, e]) => span[0] >= s && span[1] <= e)) continue;
      taken.push(span);
      if (!named.own) {
        other ??= named;
        otherNames.push(named);
        if (!others.includes(named.title)) others.push(named.title);
      }
      else if (named.career) {
        if (!careers.includes(named.career)) careers.push(named.career);
        spans.push({ words: words.slice(span[0], span[1]), whole: named.whole === true });
      }
    }
    const careerWords = spans.length === 1 && spans[0]!.whole ? spans[0]!.words : undefined;
    const namesGiven = spans.flatMap((s) => s.words);
    // A comparison's intents may answer only when they name every other occupation named ("a
    // pulmonologist and a nurse" is not the therapist-vs-pulmonologist question).
    const askedBy = otherNames.length > 0 ? this.askedByAll(otherNames) : undefined;
    return { ...(other ? { other: other.title, others, ...(askedBy ? { askedBy } : {}) } : {}), careers, ...(careerWords ? { careerWords } : {}), ...(namesGiven.length > 0 ? { namesGiven } : {}) };
  }
}
