import { factText, factTexts } from './template.js';
import { nameOf, type NamedOccupations, type OccupationFinder } from './occupations.js';
import { within } from './context.js';
import { STOP_WORDS, stem, wordsOf, type Analysis } from './analyze.js';
import type { Careers } from './careers.js';
import { NONE, type Answer, type Block, type Decision, type KnowledgeBase, type Scored, type Topic } from './types.js';

/** Words that say nothing of which career is meant: function words, and numbers however written ("two years"). */
const FUNCTION_STEMS: ReadonlySet<string> = new Set(
  [...STOP_WORDS, 'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'thousand', 'half', 'dozen'].map(stem),
);

/** Which intents a question may be answered with, and how far its words may stray. */
export interface Scope {
  /**
   * What a label answers as within the scope, or undefined when it may not answer: a career's own
   * intents, small talk and the fallback as themselves, and another career's topic as the same topic
   * in this career. Every label as itself when absent.
   */
  readonly as?: (label: string) => string | undefined;
  /** The question names a covered career: its other words are likelier everyday phrasing than another topic. */
  readonly careerNamed?: boolean;
  /** Terms that say nothing of the topic here: the named career's own name ("pharmacy", "tech"). */
  readonly silent?: ReadonlySet<string>;
  /**
   * Terms of the name the question gives the career it asks about ("MA", "surg tech"): never words
   * from outside the knowledge base, even where its examples never use them.
   */
  readonly named?: ReadonlySet<string>;
  /** The named career's title as the matcher reads it: what a question saying little but the name ("what does a PTA do") is matched with. */
  readonly spelled?: readonly string[];
}

/** The facts of one career, at least, that must use a word for it to single that career out. */
const DISTINCTIVE_FACTS = 2;

/** Capitalised words not at a sentence's start ("systems like ScriptWell or DispenseIQ"). */
const NAMED_WORDS = /(?<![.!?:]\s)(?<=\s)[A-Z][\w-]+/g;

/** What career decisions need of the engine. */
export interface CareerEngine {
  decide(text: string, scope?: Scope): Decision;
  render(intentId: string): Answer;
  /** The intent a variant refines (or the intent itself). */
  baseOf(intentId: string): string;
  topicLabel(intentId: string): string;
  analyze(text: string): Analysis;
  /** A fact as answers write it ("$35,780"). */
  figure(factId: string): string;
  suggestions(): readonly Topic[];
}

/**
 * Decisions that depend on which career a question is about: another occupation's fallback,
 * "Which career?", careers compared side by side, and the career a question's own words single out.
 */
export class CareerDecisions {
  /** Words only one career's facts use ("SIG", "DispenseIQ"); null when several careers' facts use them. */
  private readonly distinctive = new Map<string, string | null>();
  private readonly compareTerms: ReadonlySet<string>;
  /**
   * The other occupations each career's own facts name ("go back to school to become a dental
   * hygienist"): a question naming that career and them asks about the career ("could i go from
   * dental assistant to hygienist"), not about the other occupation.
   */
  private readonly namedByFacts = new Map<string, Set<string>>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly careers: Careers,
    occupations: OccupationFinder,
    private readonly engine: CareerEngine,
  ) {
    // How many of its career's facts use a word: a word the page uses once ("quit", "button") is
    // ordinary English there, not the career's vocabulary ("blood", "refrigerant").
    const uses = new Map<string, number>();
    const names = new Set<string>();
    for (const fact of Object.values(kb.knowledge.facts)) {
      const text = factText(fact.value);
      const set = this.namedByFacts.get(fact.career) ?? new Set<string>();
      for (const title of occupations.names(text).others ?? []) set.add(title);
      this.namedByFacts.set(fact.career, set);
      if (!careers.many) continue;
      for (const term of new Set(engine.analyze(text).content)) {
        const seen = this.distinctive.get(term);
        this.distinctive.set(term, seen === undefined || seen === fact.career ? fact.career : null);
        uses.set(term, (uses.get(term) ?? 0) + 1);
      }
      // A name the page gives (a product, a credential: capitalised inside a sentence) is its own however
      // rarely used; each item of a list is a sentence of its own ("Take patient histories" names nothing).
      for (const sentence of factTexts(fact.value)) for (const name of sentence.match(NAMED_WORDS) ?? []) for (const term of engine.analyze(name).content) names.add(term);
    }
    for (const [term, n] of uses) if (n < DISTINCTIVE_FACTS && !names.has(term)) this.distinctive.set(term, null);
    // A category two careers share ("Healthcare") tells neither apart, however many of their facts use its words;
    // a category only one career has ("Animal Care") is that career's.
    const shared = careers.all.map((c) => c.category?.toLowerCase()).filter((c, i, all): c is string => c !== undefined && all.indexOf(c) !== i);
    for (const category of new Set(shared)) for (const term of engine.analyze(category).content) this.distinctive.set(term, null);
    if (careers.many) {
      // A word another career's questions (or small talk) use says nothing of which career is meant
      // ("career", "start"); a word only questions use ("university") picks none either.
      for (const intent of kb.intents) {
        const career = careers.of(intent.id);
        for (const term of new Set(engine.analyze(intent.utterances.join(' ')).content)) {
          if (this.distinctive.has(term) && this.distinctive.get(term) !== career) this.distinctive.set(term, null);
        }
      }
    }
    this.compareTerms = new Set(kb.lexicon.context.compares.flatMap((w) => engine.analyze(w).terms));
  }

  /**
   * A question naming an occupation the bot does not cover: answered only by the intents that
   * compare with it, or within the career named with it when that career's page names it too;
   * otherwise the other occupation's fallback.
   */
  aboutOther(text: string, names: NamedOccupations & { readonly other: string }, scope?: Scope): Decision {
    const named = names.careers.length === 1 ? names.careers[0]! : undefined;
    // Within the career the question names, when it names one: another career's comparison with the
    // same occupation is no answer ("phlebotomy as a stepping stone to nursing").
    const askedBy = new Set((names.askedBy ?? []).filter((id) => named === undefined || this.careers.of(id) === named));
    const comparing = (label: string) => [...askedBy].some((id) => within(label, id));
    // A comparison has two sides: a covered career named with the other occupation, or a word
    // that compares ("how is that different from a pulmonologist"). Naming the other occupation
    // alone asks about it ("what does a pulmonologist get paid"), though a comparison names it too.
    const asksIt = askedBy.size > 0 && (names.careers.length > 0 || this.compares(text));
    const compared = asksIt ? this.engine.decide(text, { as: (label) => (label === NONE || comparing(label) ? label : undefined) }) : undefined;
    if (compared?.kind === 'answer' && compared.alternatives[0]?.intent !== NONE) return compared;
    const onItsPage = named !== undefined && (names.others ?? []).every((title) => this.namedByFacts.get(named)?.has(title));
    return onItsPage ? this.engine.decide(text, scope) : this.otherCareer(text, names.other);
  }

  /** The fallback for a question about another occupation, naming it and every career covered. */
  otherCareer(text: string, occupation: string): Decision {
    const notice = this.kb.notices.otherCareer.replace('{careers}', this.careers.all.map((c) => c.title).join(' or ')).replace('{occupation}', nameOf(occupation).toLowerCase());
    return { kind: 'fallback', text, intent: NONE, confidence: 1, alternatives: [], suggestions: this.engine.suggestions(), reason: 'outside', occupation, notice };
  }

  /** Whether the text uses a word that compares ("vs", "difference", "between": the lexicon's `compares`). */
  compares(text: string): boolean {
    return this.engine.analyze(text).terms.some((t) => this.compareTerms.has(t));
  }

  /** The one career whose facts alone use a word of the text, if exactly one does. */
  onlyCareerOf(text: string): string | undefined {
    const analysis = this.engine.analyze(text);
    // Only words the asker typed: not a typo's correction ("super" read as "supervisor") or a
    // synonym's reading ("tech" as "technician"), not a function word ("never"); those say nothing
    // of which career is meant.
    const typed = new Set(wordsOf(text).map(stem));
    const found = new Set(
      analysis.content
        .filter((t) => typed.has(t) && !FUNCTION_STEMS.has(t) && !/^\d/.test(t))
        .map((t) => this.distinctive.get(t))
        .filter((c): c is string => typeof c === 'string'),
    );
    return found.size === 1 ? [...found][0] : undefined;
  }

  /**
   * A career's intents, small talk and the fallback. Every career's examples of a topic this career
   * also has count for it: how people ask about pay or training does not depend on the career, and a
   * career imported from a page has few examples of its own.
   */
  inCareer(career: string, careerNamed = false, nameWords: readonly string[] = []): Scope {
    const name = this.nameTerms(nameWords);
    return {
      as: (label) => {
        const of = this.careers.of(label);
        return label === NONE || of === undefined || of === career ? label : this.careers.equivalent(label, career);
      },
      careerNamed,
      ...(name ? { silent: name, named: name } : {}),
    };
  }

  /** The terms of a career's name as a question gave it (its stems, and its words as the analyzer reads them). */
  nameTerms(nameWords: readonly string[]): ReadonlySet<string> | undefined {
    return nameWords.length > 0 ? new Set([...nameWords, ...this.engine.analyze(nameWords.join(' ')).terms]) : undefined;
  }

  /** A topical answer when several careers could be meant and none was named: "Which career: A or B?" */
  whichCareer(d: Decision): Decision {
    if (d.kind !== 'answer' || !this.careers.of(d.intent)) return d;
    const choices = this.careers.all
      .flatMap((c) => this.careers.equivalent(d.intent, c.id) ?? [])
      .map((id) => ({ intent: id, label: `${this.careers.title(this.careers.of(id)!)}: ${this.engine.topicLabel(id).replace(/ \([^()]*\)$/, '')}` }));
    return choices.length < 2 ? d : { kind: 'clarify', text: d.text, intent: choices[0]!.intent, confidence: d.confidence, alternatives: d.alternatives, choices };
  }

  /** "Which pays more, pharmacy technician or medical records specialist?": the topic in each career named, side by side. */
  acrossCareers(text: string, named: readonly string[], given: readonly string[] = []): Decision {
    // The careers' names are what the question compares, not its topic: the topic is in the rest,
    // whether a name was given whole or short ("phlebotomist vs lab tech").
    const topic = named.reduce((t, c) => t.replace(new RegExp(`\\b${this.careers.title(c).replace(/[^a-z0-9 ]/gi, '.')}s?\\b`, 'gi'), ' '), text);
    const names = this.nameTerms(given) ?? new Set<string>();
    // Nothing asked but the comparison itself ("pharmacy technician vs medical records specialist"): the careers as a whole.
    if (this.engine.analyze(topic).content.every((t) => this.compareTerms.has(t) || names.has(t))) {
      const overviews = named.flatMap((c) => this.kb.intents.find((i) => i.overview && this.careers.of(i.id) === c)?.id ?? []);
      if (overviews.length >= 2) return this.sideBySide(text, overviews, 1, []);
    }
    const d = this.engine.decide(topic, this.inCareer(named[0]!, true, given));
    // Naming two careers is the comparison; a "Did you mean" between two of its topics takes the likelier.
    if ((d.kind !== 'answer' && d.kind !== 'clarify') || !this.careers.of(d.intent)) return d;
    const ids = named.flatMap((c) => this.careers.equivalent(this.engine.baseOf(d.intent), c) ?? []);
    return ids.length < 2 ? d : this.sideBySide(text, ids, d.confidence, d.alternatives);
  }

  /** The same topic of several careers: a table of their figures, or each career's answer under its name. */
  private sideBySide(text: string, ids: readonly string[], confidence: number, alternatives: readonly Scored[]): Decision {
    const base = this.engine.baseOf(ids[0]!);
    const table = this.figuresSideBySide(ids);
    const answers: Answer[] = table
      ? [{ ...this.engine.render(ids[0]!), intent: base, blocks: [table], followUps: [], sources: [...new Set(ids.flatMap((id) => this.engine.render(id).sources))], quotes: [...new Set(ids.flatMap((id) => this.engine.render(id).quotes))] }]
      : ids.map((id) => {
          const a = this.engine.render(id);
          return { ...a, blocks: [{ type: 'paragraph', text: `*${this.careers.title(this.careers.of(id)!)}*` }, ...a.blocks] };
        });
    return { kind: 'answer', text, intent: base, confidence, alternatives, answers };
  }

  /** The numeric facts two or more careers' answers state for one topic, as a table with a column per career. */
  private figuresSideBySide(ids: readonly string[]): Block | undefined {
    const facts = this.kb.knowledge.facts;
    const figures = ids.map((id) => {
      const career = this.careers.of(id)!;
      const intent = this.kb.intents.find((i) => i.id === this.engine.baseOf(id))!;
      const refs = [...intent.answer.matchAll(/[\w.-]+/g)].map((m) => m[0]).filter((r) => typeof facts[r]?.value === 'number');
      return { career, facts: new Map(refs.map((r) => [r.startsWith(`${career}.`) ? r.slice(career.length + 1) : r, r])) };
    });
    const rows = [...figures[0]!.facts].filter(([key]) => figures.every((f) => f.facts.has(key)));
    if (rows.length === 0) return undefined;
    return {
      type: 'table',
      columns: ['', ...figures.map((f) => this.careers.title(f.career))],
      rows: rows.map(([key, first]) => [facts[first]!.label ?? key, ...figures.map((f) => this.engine.figure(f.facts.get(key)!))]),
    };
  }
}
