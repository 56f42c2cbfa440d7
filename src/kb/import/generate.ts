import type { CareerPage } from './page.js';
import { factsOf, slug, type PageFact, type PageFacts } from './facts.js';

/** One intent's templates (intents/import/templates.yaml). */
export interface IntentTemplate {
  readonly label?: string;
  readonly overview?: boolean;
  readonly needs?: readonly string[];
  readonly utterances: readonly string[];
  readonly answer: string;
  /** `starter` variants are written only when the page calls one certification a start (`@starter` in their answer). */
  readonly variants?: Readonly<Record<string, { readonly label?: string; readonly keywords: readonly string[]; readonly answer: string; readonly compare?: string; readonly starter?: boolean }>>;
  readonly followUps?: readonly string[];
  /**
   * The one certification whose summary matches `pattern` and not `unless` is the page's start for
   * newcomers: "which cert should I get first" (`utterances`) is then asked of the certifications
   * overview, whose `starter` variant names it, as the product's own knowledge base does.
   */
  readonly starter?: { readonly pattern: string; readonly unless?: string; readonly utterances: readonly string[] };
  /**
   * Labels and more utterances for when the page's text for the topic (or, `on: question`, a FAQ's
   * question) matches `pattern`: privacy, not a welder's safety rules; a FAQ about shifts gets schedule phrasings.
   */
  readonly when?: readonly { readonly pattern: string; readonly on?: 'question'; readonly label?: string; readonly utterances: readonly string[] }[];
}

export interface ImportTemplates {
  readonly intents: Readonly<Record<string, IntentTemplate>>;
  readonly faq: readonly { readonly pattern: RegExp; readonly intent: string }[];
}

export interface GenerateOptions {
  /** The career's id (a slug of its title). */
  readonly careerId: string;
  /** Put before every fact and intent id ("" for a career alone in its folders). */
  readonly prefix: string;
  /** Where the page came from, for the facts' source. */
  readonly sourceRef: string;
  /** The date the facts are checked as of (YYYY-MM-DD). */
  readonly asOf: string;
  /** O*NET-SOC codes of the career, when its title is one. */
  readonly soc: readonly string[];
  /** Utterances other careers already have (as `key` makes them): an utterance two careers share would say nothing of either. */
  readonly taken?: ReadonlySet<string>;
  /** How an utterance is compared with `taken`. */
  readonly key?: (utterance: string) => string;
}

/** The career's `knowledge/` and `intents/` files as data, and what was written of the page. */
export interface Generated {
  readonly knowledge: Record<string, unknown>;
  readonly intents: Record<string, unknown>;
  readonly facts: number;
  readonly intentCount: number;
  readonly utterances: number;
}

const plural = (t: string): string => (/(s|x|ch|sh)$/i.test(t) ? `${t}es` : /[^aeiou]y$/i.test(t) ? `${t.slice(0, -1)}ies` : `${t}s`);

/** A name of two words or more as people shorten it ("patient care technician" -> "pct"); none for one word. */
export function initialsOf(name: string): string[] {
  const words = name.toLowerCase().replace(/\([^()]*\)/g, ' ').split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  return words.length >= 2 ? [words.map((w) => w[0]).join('')] : [];
}

/** Fills an utterance template; none when a placeholder it uses has no value. */
function fill(template: string, values: Readonly<Record<string, readonly string[]>>): string[] {
  let out = [template];
  for (const [key, options] of Object.entries(values)) {
    if (!template.includes(`{${key}}`)) continue;
    out = out.flatMap((t) => options.map((o) => t.split(`{${key}}`).join(o)));
  }
  return out.filter((u) => !/\{[a-z]+\}/.test(u)).map((u) => u.toLowerCase().replace(/[?!.]+$/, '').replace(/\s+/g, ' ').trim());
}

/**
 * The files `faqbot import` writes for a page: its facts (each with the page as source and an
 * `asOf` date) and an intent per part of the page, with utterances from the templates, the page's
 * own FAQ questions, and the career's name, titles and certifications filled in.
 */
export function generate(page: CareerPage, templates: ImportTemplates, options: GenerateOptions): Generated {
  const parsed: PageFacts = factsOf(page, templates.faq);
  const p = options.prefix;
  const has = (id: string): boolean => (id.endsWith('.*') ? parsed.facts.some((f) => f.id.startsWith(id.slice(0, -1))) : parsed.facts.some((f) => f.id === id));
  const salaryIds = parsed.facts.filter((f) => f.id.startsWith('salary.')).map((f) => f.id);
  const career = page.title.toLowerCase();
  const titles = page.titles.map((t) => t.replace(/\s*\([^()]*\)/g, '').toLowerCase()).filter((t) => t !== career);
  const base: Record<string, string[]> = {
    career: [career],
    careers: [plural(career)],
    title: titles.slice(0, 3),
    code: parsed.codes.map((c) => c.toLowerCase()),
    law: parsed.laws.map((l) => l.toLowerCase()),
    product: parsed.products.map((l) => l.toLowerCase()),
    // The first jobs the page names ("clinic receptionist"): other occupations, asked about as a start.
    job: ((): string[] => {
      const value = parsed.facts.find((f) => f.id === 'training.entry_jobs')?.value;
      return Array.isArray(value) ? value.map((j) => String(j).toLowerCase()) : [];
    })(),
  };

  /** The duties and steps answers point at by index: `#code` is the duty naming code sets. */
  const marked: Readonly<Record<string, number | undefined>> = { code: parsed.codeDuty, privacy: parsed.privacyDuty, duration: parsed.durationStep, entry: parsed.entryStep };

  /** An answer template with the career's prefix, its facts and words filled in; lines about facts it lacks dropped. */
  const answerOf = (template: string, extra: Record<string, string> = {}): string =>
    template
      .split('\n')
      .map((line) => {
        // A line about a duty or step the page does not have (`#privacy`, `#duration`, …) is left out.
        const markers = [...line.matchAll(/#(\w+)/g)].map((m) => m[1]!);
        if (markers.some((m) => marked[m] === undefined)) return '';
        let l = line.replace(/\{(careers?)\}/g, (_m, k: string) => base[k]![0]!);
        for (const [k, v] of Object.entries(extra)) l = l.split(k).join(v);
        l = l.replace(/@salary\.\*/g, salaryIds.map((id) => `@${id}`).join(' ')).replace(/#(\w+)/g, (_m, k: string) => String(marked[k]));
        const refs = [...l.matchAll(/@([\w.-]+)/g)].map((m) => m[1]!);
        const missing = refs.some((r) => r !== 'certifications' && !has(r) && !has(r.split('.').slice(0, -1).join('.')));
        return missing ? '' : l.replace(/@/g, p);
      })
      .filter((l) => l.trim() !== '')
      .join('\n');

  const intents: Record<string, unknown>[] = [];
  const key = options.key ?? ((u: string) => u);
  const seenKeys = new Set(options.taken ?? []);
  const seen = { has: (u: string) => seenKeys.has(key(u)), add: (u: string) => void seenKeys.add(key(u)) };
  const utterancesOf = (t: IntentTemplate, values: Record<string, readonly string[]>): string[] => {
    const out: string[] = [];
    for (const template of t.utterances) {
      const placeholders = /\{[a-z]+\}/.test(template);
      if (!placeholders && p !== '') continue;
      for (const u of fill(template, { ...base, ...values })) {
        if (u && !seen.has(u)) {
          seen.add(u);
          out.push(u);
        }
      }
    }
    return out;
  };
  /** The page's texts an answer states (its facts, or the one item it names). */
  const statedTexts = (answer: string): string[] => {
    const refs = [...answer.matchAll(/\{\{\s*(?:list|numbered|table)?\s*([\w.-]+)/g)].map((m) => m[1]!.slice(p.length));
    return refs.flatMap((ref) => {
      const fact = parsed.facts.find((f) => f.id === ref || ref.startsWith(`${f.id}.`));
      if (!fact || typeof fact.value === 'number') return [];
      const index = /\.(\d+)$/.exec(ref)?.[1];
      if (Array.isArray(fact.value)) return index === undefined ? (fact.value as string[]) : [(fact.value as string[])[Number(index)] ?? ''];
      if (typeof fact.value === 'object') return [(fact.value as Record<string, string>).summary ?? ''];
      return (fact.value as string).split(/(?<=[.!?])\s+/);
    });
  };
  /** The page's own sentences an answer states, as examples of its intent: a question in the page's words finds it. */
  const pageSentences = (answer: string): string[] => {
    const out: string[] = [];
    for (const t of statedTexts(answer)) {
      const u = t.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();
      if (u.split(' ').length >= 3 && !seen.has(u)) {
        seen.add(u);
        out.push(u);
      }
    }
    return out;
  };
  const write = (id: string, template: IntentTemplate, values: Record<string, readonly string[]>, extra: Record<string, string> = {}, label?: string): void => {
    const answer = answerOf(template.answer, extra);
    const stated = statedTexts(answer).join(' ');
    const when = (template.when ?? []).filter((w) => new RegExp(w.pattern, 'i').test(w.on === 'question' ? (label ?? '') : stated));
    const whenLabel = when.find((w) => w.label)?.label;
    const t = when.length > 0 ? { ...template, utterances: [...template.utterances, ...when.flatMap((w) => w.utterances)], ...(whenLabel ? { label: whenLabel } : {}) } : template;
    const utterances = [...utterancesOf(t, values), ...(answer.includes('{{') ? pageSentences(answer) : [])];
    if (!answer.includes('{{')) return;
    // A variant is written when the page has its fact (salary levels) or what it compares (certifications).
    const variants = Object.entries(t.variants ?? {})
      .filter(([key, v]) => (v.compare ? parsed.certifications.length >= 2 : v.starter ? starterCert !== undefined : has(`${id}.${key}`)))
      .map(([key, v]) => ({
        id: `${p}${id}.${key}`,
        ...(v.label ? { label: v.label } : {}),
        keywords: v.keywords,
        ...(v.compare ? { compare: v.compare.replace(/^@/, p) } : {}),
        answer: answerOf(v.answer, extra),
      }));
    intents.push({
      id: `${p}${id}`,
      label: label ?? t.label ?? id,
      ...(t.overview ? { overview: true } : {}),
      utterances,
      answer,
      ...(variants.length > 0 ? { variants } : {}),
      followUps: [],
      _followUps: t.followUps ?? [],
    });
  };

  const starterTemplate = templates.intents['certs.item']?.starter;
  const starterPattern = starterTemplate?.pattern;
  const starterUnless = starterTemplate?.unless;
  const summaryOf = (id: string): string => String((parsed.facts.find((f) => f.id === id)!.value as Record<string, string>).summary);
  const starters = starterPattern
    ? parsed.certifications.filter((id) => new RegExp(starterPattern, 'i').test(summaryOf(id)) && !(starterUnless && new RegExp(starterUnless, 'i').test(summaryOf(id))))
    : [];
  const starterCert = starters.length === 1 ? starters[0] : undefined;
  for (const [key, t] of Object.entries(templates.intents)) {
    if (key === 'certs.item') {
      for (const id of parsed.certifications) {
        const fact = parsed.facts.find((f) => f.id === id)!.value as Record<string, string>;
        const values = { acronym: [fact.acronym!.toLowerCase()], name: [fact.name!.toLowerCase()], issuer: fact.issuer ? [fact.issuer.toLowerCase()] : [] };
        write(id, t, values, { '@certs.item': `@${id}` }, `{{${p}${id}.acronym}}`);
      }
      continue;
    }
    if (key === 'faq') {
      for (const f of parsed.faq) write(f.id, t, { question: [f.question] }, { '@faq': `@${f.id}` }, f.question.replace(/\?$/, ''));
      continue;
    }
    if (key === 'role.comparison') {
      const c = parsed.comparison;
      if (!c) continue;
      // Initials alike on both sides ("OT assistant" and "OT aide": "ota") tell them apart no more.
      const [ai, bi] = [initialsOf(c.a), initialsOf(c.b)];
      const distinct = ai[0] !== bi[0];
      write(c.id, t, { a: [c.a.toLowerCase()], b: [c.b.toLowerCase()], ai: distinct ? ai : [], bi: distinct ? bi : [] }, { '@role.comparison': `@${c.id}` }, `${c.a} vs. ${c.b}`);
      continue;
    }
    if (key === 'certs.overview' && starterCert && starterTemplate) {
      // "Which cert should a beginner get first?" asks the overview, whose starter variant names the page's start.
      if ((t.needs ?? []).every(has)) write(key, { ...t, utterances: [...t.utterances, ...starterTemplate.utterances] }, {}, { '@starter': `@${starterCert}` });
      continue;
    }
    if ((t.needs ?? []).every(has)) write(key, t, {});
  }
  // Follow-ups name the intents written; an intent has at least its one related topic.
  const ids = new Set(intents.map((i) => i.id as string));
  for (const intent of intents) {
    const wanted = (intent._followUps as string[]).map((f) => `${p}${f}`).filter((f) => ids.has(f) && f !== intent.id);
    intent.followUps = wanted.slice(0, 3);
    delete intent._followUps;
  }
  // The career's own names are its related titles; first jobs ("phlebotomist" before a lab technician) are other occupations.
  const titleFacts = ['role.titles'].filter((id) => has(id)).map((id) => `${p}${id}`);
  const factEntries = Object.fromEntries(parsed.facts.map((f: PageFact) => [`${p}${f.id}`, { value: f.value, ...(f.label ? { label: f.label } : {}), ...(f.unit ? { unit: f.unit } : {}), quote: f.quote.length === 1 ? f.quote[0] : [...f.quote] }]));
  const sourceId = p === '' ? 'career-page' : `${options.careerId}-page`;
  const knowledge = {
    career: { id: options.careerId, title: page.title, ...(page.category ? { category: page.category } : {}), ...(options.soc.length > 0 ? { soc: [...options.soc] } : {}), ...(titleFacts.length > 0 ? { titles: titleFacts } : {}) },
    sources: { [sourceId]: { title: `How to Become a ${page.title} (career-center page)`, ref: options.sourceRef } },
    defaults: { source: sourceId, asOf: options.asOf },
    facts: factEntries,
    ...(parsed.certifications.length > 0
      ? { collections: { [`${p}certifications`]: { label: 'Certifications', items: parsed.certifications.map((c) => `${p}${c}`), columns: { acronym: 'Credential', name: 'Full name', issuer: 'Offered by', summary: 'About it' } } } }
      : {}),
  };
  return {
    knowledge,
    intents: { intents },
    facts: parsed.facts.length,
    intentCount: intents.length,
    utterances: intents.reduce((n, i) => n + (i.utterances as string[]).length, 0),
  };
}

export { slug };
