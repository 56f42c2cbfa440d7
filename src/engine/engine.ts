import { Analyzer } from './analyze.js';
import { DEFAULT_CONFIG, type EngineConfig } from './config.js';
import { Matcher } from './matcher.js';
import { inScope, matchTerms, withoutSilent } from './ranking.js';
import { trainingExamples } from './examples.js';
import { Variants } from './variants.js';
import { normalize } from './normalize.js';
import { splitParts } from './parts.js';
import { findIdentifiers } from './privacy.js';
import { renderTemplate } from './template.js';
import { ContextResolver, type FollowUpEngine } from './context.js';
import { OccupationFinder, withoutWorkplaceOwners } from './occupations.js';
import { Careers } from './careers.js';
import { CareerDecisions, type Scope } from './career-decisions.js';
import { NONE, type Answer, type ConversationContext, type Decision, type Intent, type KnowledgeBase, type Scored, type Topic, type Variant } from './types.js';

/** The answer engine: knowledge in, decisions out. Pure and deterministic; channels render what it decides. */
export interface Engine {
  /**
   * Decides how to answer one question, in the conversation's context when there is one; the
   * decision carries the context to pass with the next question.
   */
  decide(text: string, context?: ConversationContext): Decision;
  /** The answer of an intent or variant id (for buttons, slash commands and follow-ups). */
  answer(intentId: string): Answer;
  /**
   * A decision that answers with the given intents, as a button press or slash command asks; with
   * a conversation's context, the decision carries the context after it (the pressed topic).
   */
  decideIntents(intentIds: readonly string[], text?: string, context?: ConversationContext): Decision;
  /** The topics the engine can answer, for menus and fallbacks. */
  topics(): readonly Topic[];
  /** Whether an id names an intent or a variant. */
  has(intentId: string): boolean;
  /** The stemmed content words of a text, as the matcher sees them (for grouping similar questions). */
  terms(text: string): readonly string[];
  /** The intent answering the item of a collection named by acronym or name (`cpc`), if any. */
  findItem(collectionId: string, name: string): string | undefined;
  /**
   * With several careers: an intent asked of the career a text names (`/salary pharmacy
   * technician`), or of each career when it names none; with one career, just the intent.
   */
  forCareers(intentId: string, text: string): readonly string[];
  readonly kb: KnowledgeBase;
  readonly config: EngineConfig;
}

/** A topic a follow-up leans on: its anchor words join the question's; `exclude`d ids are not candidates. */
interface Anchor {
  readonly id: string;
  readonly exclude?: ReadonlySet<string>;
}

interface Target {
  readonly intent: Intent;
  readonly variant?: Variant;
}

/** Whether a content term says something about the topic: numbers (years, figures such as "80k", reference numbers) do not. */
function isTopical(term: string): boolean {
  return !/^\d+k?$/.test(term);
}

/** The family of an id: `certs.overview.compare` belongs to `certs.overview`'s family; refinements never compete. */
function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** Builds an engine over a validated knowledge base. */
export function createEngine(kb: KnowledgeBase, config: EngineConfig = DEFAULT_CONFIG): Engine {
  const analyzer = new Analyzer(kb.lexicon, config.maxQuestionChars, config.minCorrectableLength, config.dropStopWords);
  analyzer.setVocabulary([
    ...kb.intents.flatMap((i) => [...i.utterances, ...i.keywords, ...i.variants.flatMap((v) => v.keywords)]),
    ...kb.negatives,
  ]);
  // Intents some example of which is only function words ("where are you from"): there such a
  // question is a phrasing the knowledge base teaches, not one that names no topic.
  const taughtWithoutTopic = new Set<string>();
  const examples = trainingExamples(kb).map((e) => {
    const analysis = analyzer.analyze(e.text);
    if (analysis.terms.length > 0 && !analysis.content.some(isTopical)) taughtWithoutTopic.add(e.label);
    return { label: e.label, terms: matchTerms(analysis) };
  });
  const matcher = new Matcher(examples, {
    nearestWeight: config.nearestWeight,
    unknownWordWeight: config.unknownWordWeight,
    queryCoverage: config.queryCoverage,
    outsideLabel: NONE,
    softmax: {
      weight: config.softmaxWeight,
      sparseWeight: config.softmaxSparseWeight,
      epochs: config.softmaxEpochs,
      rate: config.softmaxRate,
      l2: config.softmaxL2,
      seed: config.softmaxSeed,
      minEpochs: config.softmaxMinEpochs,
      maxWork: config.softmaxMaxWork,
      sparseMaxWork: config.softmaxSparseMaxWork,
      candidates: config.softmaxCandidates,
      trigramWeight: config.softmaxTrigramWeight,
      bigramWeight: config.softmaxBigramWeight,
    },
  });

  // Words no intent knows mean "about something else" only where the knowledge base says what
  // else looks like: at least one fallback example per intent. Elsewhere (a corpus of entity-laden
  // requests with a handful of negatives) unknown words are ordinary and only the scores decide.
  const judgesOutside = kb.negatives.length >= kb.intents.length;

  const targets = new Map<string, Target>();
  for (const intent of kb.intents) {
    targets.set(intent.id, { intent });
    for (const variant of intent.variants) targets.set(variant.id, { intent, variant });
  }
  const variants = new Variants(kb, analyzer);
  const careers = new Careers(kb);
  // With several careers, a topic's label says whose it is ("Salary (Pharmacy Technician)").
  const labelled = (id: string, label: string): string => {
    const career = careers.many ? careers.of(id) : undefined;
    return career ? `${label} (${careers.title(career)})` : label;
  };
  const topicList: Topic[] = kb.intents.filter((i) => !i.smallTalk).map((i) => ({ intent: i.id, label: labelled(i.id, i.label) }));
  const topicOf = (id: string): Topic => {
    const target = targets.get(id);
    return { intent: id, label: labelled(id, target?.variant?.label ?? target?.intent.label ?? id) };
  };

  // Answers depend only on the knowledge base, so each is rendered once and shared.
  const rendered = new Map<string, Answer>();
  function render(target: Target, onlyItems: readonly string[] = []): Answer {
    const key = `${target.variant?.id ?? target.intent.id}|${onlyItems.join(',')}`;
    let answer = rendered.get(key);
    if (!answer) rendered.set(key, (answer = renderOnce(target, onlyItems)));
    return answer;
  }

  function renderOnce(target: Target, onlyItems: readonly string[]): Answer {
    const { intent, variant } = target;
    const out = renderTemplate(variant?.answer ?? intent.answer, { knowledge: kb.knowledge, topics: topicList, onlyItems, commands: kb.commands });
    return {
      intent: variant?.id ?? intent.id,
      label: variant?.label ?? intent.label,
      blocks: out.blocks,
      sources: [...out.sources].sort().map((id) => kb.knowledge.sources[id]!),
      quotes: out.quotes,
      followUps: intent.followUps.map(topicOf),
      ...(variant?.guide ? { guide: variant.guide } : {}),
    };
  }

  // The words that stand for a topic when a follow-up leans on it: its keywords (or label), and a
  // variant's first keyword, so "is that per hour?" after the entry salary stays with it.
  const anchors = new Map<string, readonly string[]>();
  function anchorTerms(id: string): readonly string[] {
    let terms = anchors.get(id);
    if (!terms) {
      const target = targets.get(id);
      const words = target ? [...(target.intent.keywords.length > 0 ? target.intent.keywords : [target.intent.label]), ...(target.variant?.keywords.slice(0, 1) ?? [])] : [];
      anchors.set(id, (terms = matchTerms(analyzer.analyze(words.join(' ')))));
    }
    return terms;
  }

  function decideWhole(text: string, allowParts: boolean, anchor?: Anchor, scope?: Scope): Decision {
    const analysis = analyzer.analyze(text);
    const { terms } = analysis;
    const asked = scope?.silent ? withoutSilent(analysis, scope.silent, scope.spelled) : matchTerms(analysis);
    const all = matcher.rank(anchor ? [...asked, ...anchorTerms(anchor.id)] : asked);
    const excluded = anchor?.exclude ? [...anchor.exclude] : [];
    const ranked = excluded.length > 0 || scope?.as ? inScope(all, excluded, scope?.as) : all;
    const topical = analysis.content.filter(isTopical);
    const outside = matcher.outsideShare(topical.length > 0 ? topical : terms, scope?.named);
    const alternatives: Scored[] = ranked.slice(0, 5).map((r) => ({ intent: r.label, confidence: round(r.score) }));
    const intents = ranked.filter((r) => r.label !== NONE);
    // Fallback examples win on their own words (other careers, exam fees), not on shared phrasing:
    // a question every word of which the intents know goes to the best intent.
    const top = ranked[0]?.label === NONE && outside === 0 ? intents[0] : ranked[0];

    const compared = variants.comparison(terms);
    if (compared) {
      const { intent, variant, named } = compared;
      const confidence = round(Math.max(top?.score ?? 0, 1 - config.clarifyMargin));
      return { kind: 'answer', text, intent: variant.id, confidence, alternatives, answers: [render({ intent, variant }, named)] };
    }

    if (allowParts && (!top || top.score < config.splitBelowConfidence)) {
      const parts = splitParts(normalize(text, config.maxQuestionChars));
      if (parts.length >= 2) {
        // Every part must be answered with confidence: the first that is not ends the attempt.
        const confident: Decision[] = [];
        for (const part of parts) {
          const d = decideWhole(part, false, undefined, scope);
          if (d.kind === 'fallback' || d.confidence < config.partThreshold) break;
          confident.push(d);
        }
        const distinct = confident.filter((d, i) => confident.findIndex((o) => related(o.intent, d.intent)) === i);
        if (distinct.length >= 2 && distinct.length === parts.length) {
          const answers = distinct.map((d) => render(targets.get(d.intent)!));
          const confidence = round(Math.min(...distinct.map((d) => d.confidence)));
          return { kind: 'answer', text, intent: distinct[0]!.intent, confidence, alternatives, answers };
        }
      }
    }

    const suggestions = intents
      .filter((r) => !targets.get(r.label)!.intent.smallTalk)
      .slice(0, config.fallbackSuggestions)
      .map((r) => topicOf(r.label));
    // A question with no content word ("a a a a", "the the", keyboard mashing squeezed to one
    // letter) names no topic: only small talk may answer it.
    const noTopic = !anchor && topical.length === 0 && top !== undefined && top.label !== NONE && !targets.get(top.label)!.intent.smallTalk && !taughtWithoutTopic.has(top.label);
    const outsideLimit = scope?.careerNamed ? config.namedCareerOutsideLimit : config.outsideShareLimit;
    const unsureChat = top !== undefined && top.label !== NONE && targets.get(top.label)!.intent.smallTalk && top.score < config.smallTalkThreshold;
    // Fitted sparse, a best intent just below the threshold is answered when no fallback example is a close contender.
    const threshold = matcher.sparse && !alternatives.some((a) => a.intent === NONE) ? Math.min(config.answerThreshold, config.sparseAnswerFloor) : config.answerThreshold;
    if (!top || top.label === NONE || noTopic || unsureChat || top.score < threshold || (judgesOutside && outside > outsideLimit)) {
      const fill = topicList.filter((t) => !suggestions.some((s) => s.intent === t.intent));
      const offered = [...suggestions, ...fill].slice(0, config.fallbackSuggestions);
      const reason = top?.label === NONE || (judgesOutside && outside > outsideLimit) ? 'outside' : 'unsure';
      return { kind: 'fallback', text, intent: NONE, confidence: round(top?.score ?? 0), alternatives, suggestions: offered, reason };
    }
    const second = intents.find((r) => !related(r.label, top.label));
    const intent = targets.get(top.label)!.intent;
    const chatty = intent.smallTalk || (second !== undefined && targets.get(second.label)!.intent.smallTalk);
    if (second && !chatty && second.score >= config.answerThreshold && top.score - second.score < config.clarifyMargin) {
      return {
        kind: 'clarify',
        text,
        intent: top.label,
        confidence: round(top.score),
        alternatives,
        choices: [topicOf(top.label), topicOf(second.label)],
      };
    }
    const variant = variants.choose(intent, terms);
    return { kind: 'answer', text, intent: variant?.id ?? intent.id, confidence: round(top.score), alternatives, answers: [render({ intent, variant })] };
  }

  /**
   * People give context first and ask last ("I'm a single mom switching careers. How long is the
   * training?"), or ask first and explain after: when the whole message falls back or is only
   * small talk, its last part, or a first part that asks, may still be a confident question about
   * a topic, and that is what gets answered.
   */
  function decideInContext(text: string, scope?: Scope): Decision {
    const whole = decideWhole(text, true, undefined, scope);
    const chatty = whole.kind === 'answer' && targets.get(whole.intent)?.intent.smallTalk === true;
    if (whole.kind !== 'fallback' && !chatty) return whole;
    const normalized = normalize(text, config.maxQuestionChars);
    const last = splitParts(normalized).at(-1);
    if (last === undefined || last === normalized) return whole;
    // Or they ask first and explain after ("what does a respiratory therapist even do? thinking
    // about switching careers"): a first part that ends in a question mark is a question too.
    const mark = normalized.indexOf('?');
    const first = mark > 0 && mark < normalized.length - 1 ? splitParts(normalized.slice(0, mark + 1)) : [];
    for (const part of first.length === 1 && first[0] !== last ? [last, first[0]!] : [last]) {
      const asked = decideWhole(part, false, undefined, scope);
      const topical = asked.kind === 'answer' && !targets.get(asked.intent)!.intent.smallTalk;
      if (topical && asked.confidence >= config.partThreshold) return { ...asked, text };
    }
    return whole;
  }

  // Another occupation named ("what's the starting pay for a pharmacy tech") is never answered
  // with this career's facts; with several careers, questions are answered within one (career-decisions.ts).
  const occupations = new OccupationFinder(kb);
  // Each career's title as the matcher reads it, for questions that give little but its short name.
  const spelledTitles = new Map(careers.all.map((c) => [c.id, matchTerms(analyzer.analyze(c.title))]));
  const byCareer = new CareerDecisions(kb, careers, occupations, {
    decide: (text, scope) => decideInContext(text, scope),
    render: (id) => render(targets.get(id)!),
    baseOf: (id) => targets.get(id)!.intent.id,
    topicLabel: (id) => topicOf(id).label,
    analyze: (text) => analyzer.analyze(text),
    figure: (factId) => (renderTemplate(`{{${factId}}}`, { knowledge: kb.knowledge, topics: topicList, onlyItems: [] }).blocks[0] as { text: string }).text,
    suggestions: () => topicList.slice(0, config.fallbackSuggestions),
  });

  const followUps = new ContextResolver(kb, { keepsAbove: config.contextKeepsAbove, margin: config.clarifyMargin, answerThreshold: config.answerThreshold });
  /** The engine as the follow-up resolver sees it, within a career's topics when there is one. */
  const followUpEngine = (scope?: Scope): FollowUpEngine => ({
    decideAnchored: (text, id, exclude) => decideWhole(text, false, { id, ...(exclude ? { exclude } : {}) }, scope),
    decideAlone: (text) => decideWhole(text, false, undefined, scope),
    answerWith: (id, text) => decideIntentsFor([id], text),
  });

  /** The collection items a comparison named ("CPC vs RHIT"); other answers name what their answer leads with. */
  function namedItems(decision: Decision, text: string): string[] {
    if (decision.kind !== 'answer' || !variants.compares(decision.intent)) return [];
    return variants.named(decision.intent, analyzer.analyze(text).terms);
  }

  function decideIntentsFor(intentIds: readonly string[], text = ''): Decision {
    const known = intentIds.filter((id) => targets.has(id));
    if (known.length === 0) {
      return { kind: 'fallback', text, intent: NONE, confidence: 0, alternatives: [], suggestions: topicList.slice(0, config.fallbackSuggestions), reason: 'unsure' };
    }
    return { kind: 'answer', text, intent: known[0]!, confidence: 1, alternatives: [], answers: known.map((id) => render(targets.get(id)!)) };
  }

  return {
    kb,
    config,
    decide(input: string, context?: ConversationContext): Decision {
      const text = typeof input === 'string' ? input : '';
      if (findIdentifiers(text.slice(0, config.maxQuestionChars * 2)).length > 0) {
        return { kind: 'privacy', text, intent: NONE, confidence: 1, alternatives: [], notice: kb.notices.privacy, ...(context ? { context } : {}) };
      }
      const raw = occupations.asked(text);
      // A career is also recognised through typos and short forms ("pharmcy tech"); another occupation only as typed.
      const names = careers.many && raw.careers.length === 0 && !raw.ownJobSaid ? { ...raw, careers: occupations.names(analyzer.corrected(withoutWorkplaceOwners(text))).careers } : raw;
      // With several careers, a question is answered within the career it names or the
      // conversation is about; naming none of them, it is asked which one.
      const career = careers.many
        ? names.careers.length === 1
          ? names.careers[0]
          : names.careers.length === 0
            ? (byCareer.onlyCareerOf(text) ?? (context ? careers.of(context.intent) : undefined))
            : undefined
        : undefined;
      // With one career, the words naming it that no example uses ("RT", "resp therapist") are
      // neither outside words nor a dilution of the words that ask.
      const named = careers.many ? undefined : byCareer.nameTerms(names.careerWords ?? []);
      const unknown = named ? new Set([...named].filter((t) => !matcher.knows(t))) : undefined;
      const titled = career ?? (named ? careers.all[0]?.id : undefined);
      const spelled = titled ? spelledTitles.get(titled) : undefined;
      const scope = career
        ? { ...byCareer.inCareer(career, names.careers.length > 0, names.careerWords), ...(spelled ? { spelled } : {}) }
        : named
          ? { named, ...(unknown?.size ? { silent: unknown } : {}), ...(spelled ? { spelled } : {}) }
          : undefined;
      let alone: Decision;
      if (names.other !== undefined) alone = byCareer.aboutOther(text, { ...names, other: names.other }, scope);
      else if (careers.many && names.careers.length >= 2) alone = byCareer.acrossCareers(text, names.careers, names.namesGiven);
      else alone = decideInContext(text, scope);
      if (careers.many && !career && names.careers.length < 2) alone = byCareer.whichCareer(alone);
      // A follow-up about another career carries the topic over to it ("and for pharmacy technicians?"
      // after the salary); without that topic there, it starts afresh.
      const leaned = context && career && careers.of(context.intent) && careers.of(context.intent) !== career ? careers.forCareer(context, career) : context;
      const decided = followUps.resolve(text, alone, leaned, followUpEngine(scope));
      // Two careers compared belong to neither: the conversation keeps the topic it had.
      const next = careers.many && names.careers.length >= 2 ? context : followUps.next(decided, leaned, namedItems(decided, text));
      return next ? { ...decided, context: next } : decided;
    },
    answer(intentId: string): Answer {
      const target = targets.get(intentId);
      if (!target) throw new Error(`unknown intent "${intentId}": use one of ${[...targets.keys()].join(', ')}`);
      return render(target);
    },
    decideIntents(intentIds: readonly string[], text = '', context?: ConversationContext): Decision {
      const decided = decideIntentsFor(intentIds, text);
      const next = followUps.next(decided, context, []);
      return next ? { ...decided, context: next } : decided;
    },
    topics: () => topicList,
    has: (id: string) => targets.has(id),
    terms: (text: string) => analyzer.analyze(text).content,
    forCareers(intentId: string, text: string): readonly string[] {
      if (!careers.many || !careers.of(intentId)) return [intentId];
      const named = occupations.names(text).careers;
      const asked = named.length > 0 ? named : careers.all.map((c) => c.id);
      return asked.flatMap((c) => careers.equivalent(intentId, c) ?? []);
    },
    findItem(collectionId: string, name: string): string | undefined {
      const wanted = normalize(name).replace(/[?;.!,]/g, '').trim();
      const collection = kb.knowledge.collections[collectionId];
      if (!collection || !wanted) return undefined;
      return collection.items.find((id) => {
        const record = kb.knowledge.facts[id]!.value as Record<string, string>;
        return [record.acronym, record.name].some((alias) => alias !== undefined && normalize(alias) === wanted) && targets.has(id);
      });
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
