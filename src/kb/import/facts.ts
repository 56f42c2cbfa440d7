import { STOP_WORDS } from '../../engine/analyze.js';
import type { CareerPage } from './page.js';

/** A fact as `knowledge/` writes it (the id without the career's prefix). */
export interface PageFact {
  readonly id: string;
  readonly value: string | number | readonly string[] | Readonly<Record<string, string>>;
  readonly label?: string;
  readonly unit?: string;
  /** The page's own sentence(s) or line(s) it comes from. */
  readonly quote: readonly string[];
}

/** What the page says, as facts, and where its parts went. */
export interface PageFacts {
  readonly facts: readonly PageFact[];
  /** Certification acronyms, in page order (their facts are `certs.<acronym>`). */
  readonly certifications: readonly string[];
  /** FAQ pairs no template claims: their fact id and question. */
  readonly faq: readonly { readonly id: string; readonly question: string }[];
  /** The two roles a "difference between A and B" question compares, and its fact id (`role.coder_vs_technician`). */
  readonly comparison?: { readonly a: string; readonly b: string; readonly id: string };
  /** Index of the duty that names code sets ("(ICD, CPT, HCPCS)"), if one does, and those names. */
  readonly codeDuty?: number;
  readonly codes: readonly string[];
  /** Index of the duty about privacy rules and compliance, if one is, and the laws it names ("HIPAA"). */
  readonly privacyDuty?: number;
  /** The index of the step that says how long or where training runs ("under a year", "online"). */
  readonly durationStep?: number;
  /** The index of the step about first jobs, on a page whose steps name no roles to look for. */
  readonly entryStep?: number;
  readonly laws: readonly string[];
  /** The software products the page names ("systems like ScriptWell or DispenseIQ"): people ask about them by name. */
  readonly products: readonly string[];
}

/** At most this many product names a page's software answer gives examples for. */
const MAX_PRODUCTS = 8;

/**
 * Names after "like" or "such as" that follow a kind of software ("systems like", "records (EHR)
 * such as"): the one capitalised word each item starts with ("Epic for charting" -> Epic), of
 * three letters or more, not an acronym of a kind of system ("EHR"), not a word any sentence could
 * start with ("In", "You"). "Hospitals such as Mercy General" names no product.
 */
export function productsOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(?:like|such as)\s+([^.;:!?]+?)(?=\s+(?:like|such as)\s|[.;:!?]|$)/gi)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (!/\b(?:systems?|software|tools?|programs?|platforms?|apps?|records?|EHRs?|EMRs?)\)?\s*(?:\([^()]*\)\s*)?$/i.test(before)) continue;
    for (const item of m[1]!.split(/,\s*|\s+(?:or|and)\s+/)) {
      const name = /^[A-Z][A-Za-z0-9]{2,}\b(?!['’])/.exec(item.trim())?.[0];
      if (name && !/^[A-Z]{2,5}s?$/.test(name) && !STOP_WORDS.includes(name.toLowerCase())) out.add(name);
      if (out.size >= MAX_PRODUCTS) return [...out];
    }
  }
  return [...out];
}

/** A text's sentences, split after ".", "!" or "?" before a space or the end (one pass). */
function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ((c === '.' || c === '!' || c === '?') && (i + 1 === text.length || text[i + 1] === ' ')) {
      out.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

/** "a, b, or c" -> [a, b, c]. */
function listOf(text: string): string[] {
  return text
    .split(/,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The level a salary line gives: entry, median, experienced, or its own words. */
function level(label: string): string {
  if (/entry|start|beginn/i.test(label)) return 'entry';
  if (/median|average|typical|mean/i.test(label)) return 'median';
  if (/experienced|senior|top|high/i.test(label)) return 'experienced';
  return slug(label);
}

export const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 80);

/**
 * The page's content as facts, each taken from the page as written (sentences and list items are
 * split, never reworded): overview and fit, duties, salary levels, training, its steps and the
 * first jobs they name, the FAQ answers, related titles, growth, certifications with their issuer.
 */
export function factsOf(page: CareerPage, faqRules: readonly { pattern: RegExp; intent: string }[]): PageFacts {
  const facts: PageFact[] = [];
  const add = (f: PageFact): void => void facts.push(f);
  const overview = page.overview.flatMap(sentences);
  const fit = overview.filter((s) => /^if\s/i.test(s));
  const summary = overview.filter((s) => !fit.includes(s));
  if (summary.length > 0) add({ id: 'role.summary', value: summary.join(' '), quote: summary });
  if (fit.length > 0) add({ id: 'role.fit', value: fit.join(' '), quote: fit });
  if (page.duties.length > 0) add({ id: 'role.duties', value: page.duties, quote: page.duties });
  const codeDuty = page.duties.findIndex((d) => /\(([A-Z][A-Z0-9-]+)(,\s*[A-Z][A-Z0-9-]+)+\)/.test(d));
  const codes = codeDuty >= 0 ? listOf(/\(([^)]+)\)/.exec(page.duties[codeDuty]!)![1]!) : [];
  const privacyDuty = page.duties.findIndex((d) => /privacy|confidential|compliance|regulation/i.test(d));
  // Laws are the capitalised initialisms of the privacy text, not the career's own ("a PTA").
  const own = page.title.split(/\s+/).map((w) => w[0]!.toUpperCase()).join('');
  const lawsOf = (text: string): string[] => [...text.matchAll(/\b[A-Z]{3,}\b/g)].map((m) => m[0]).filter((w) => w !== own);
  const laws = privacyDuty >= 0 ? lawsOf(page.duties[privacyDuty]!) : [];
  if (page.titles.length > 0) add({ id: 'role.titles', value: page.titles, quote: page.titles });
  for (const s of page.salaries) add({ id: `salary.${level(s.label)}`, label: s.label, value: s.value, unit: 'USD per year', quote: [s.line] });

  const training = page.training.flatMap(sentences);
  const needs = training.filter((s) => /\bneed\b/i.test(s));
  if (needs.length > 0) add({ id: 'training.needs', value: needs.join(' '), quote: needs });
  // How long and where programs run is said in a step: the programs answer references that step, never a copy.
  const durationStep = page.steps.findIndex((s) => /\b(year|month|week|online)s?\b/i.test(s.text));
  const programs = training.filter((s) => !needs.includes(s) && /program|course|certificate|school/i.test(s));
  if (programs.length > 0) add({ id: 'training.programs', value: programs.join(' '), quote: programs });
  if (page.steps.length > 0) add({ id: 'training.steps', value: page.steps.map((s) => `${s.title}: ${s.text}`), quote: page.steps.map((s) => `${s.title}: ${s.text}`) });
  const rolesStep = page.steps.find((s) => /\broles? (?:like|such as) (.+?)(?: to\b.*)?[.]?$/i.test(s.text));
  const roles = rolesStep ? /\broles? (?:like|such as) (.+?)(?: to\b.*)?[.]?$/i.exec(rolesStep.text)![1] : undefined;
  if (rolesStep && roles) add({ id: 'training.entry_jobs', value: listOf(roles), quote: [rolesStep.text] });
  // The last step whose title is about applying or first jobs ("Apply for entry-level positions").
  const entryStep = rolesStep ? -1 : page.steps.map((s) => /\bentry[- ]level\b|\bfirst job|\bapply\b/i.test(s.title)).lastIndexOf(true);

  const faq: { id: string; question: string }[] = [];
  let comparison: PageFacts['comparison'];
  for (const pair of page.faq) {
    // The first rule that matches, when no earlier question took its topic (a second comparison is a FAQ of its own).
    const rule = faqRules.find((r) => r.pattern.test(pair.question));
    let id = rule && !facts.some((f) => f.id === rule.intent) && !(rule.intent === 'role.comparison' && comparison) ? rule.intent : undefined;
    if (id === 'role.comparison') {
      const m = /between an? (.+?) and an? (.+?)\?*$/i.exec(pair.question) ?? /(.+?)\s+(?:vs\.?|versus)\s+(.+?)\?*$/i.exec(pair.question);
      const head = (t: string) => slug(t.split(/\s+/).at(-1)!);
      if (m && !comparison) {
        comparison = { a: m[1]!.trim(), b: m[2]!.trim(), id: `role.${head(m[1]!)}_vs_${head(m[2]!)}` };
        id = comparison.id;
      } else id = undefined;
    }
    if (!id) {
      // Two questions alike in their first words still get ids of their own.
      const base = `faq.${slug(pair.question.replace(/\?$/, '')) || 'question'}`;
      id = base;
      for (let k = 2; facts.some((f) => f.id === id); k++) id = `${base}_${k}`;
      faq.push({ id, question: pair.question });
    }
    if (!facts.some((f) => f.id === id)) add({ id, value: pair.answer, quote: [pair.answer] });
    // In a FAQ answer, a law is an initialism followed by what it rules ("HIPAA privacy rules"), not any capitals ("YES", "OHIO").
    if (id === 'role.privacy') for (const [, law] of pair.answer.matchAll(/\b([A-Z]{3,})\s+(?:privacy\s+)?(?:rules?|regulations?|laws?|act|standards|requirements|guidelines)\b/g)) if (law !== own && !laws.includes(law!)) laws.push(law!);
  }
  const certifications: string[] = [];
  for (const c of page.certifications) {
    const id = `certs.${slug(c.acronym)}`;
    if (certifications.includes(id)) continue;
    certifications.push(id);
    add({ id, value: { acronym: c.acronym, name: c.name, ...(c.issuer ? { issuer: c.issuer } : {}), summary: c.summary }, quote: c.lines });
  }
  const software = facts.find((f) => f.id === 'role.software')?.value;
  const products = typeof software === 'string' ? productsOf(software) : [];
  return { facts, certifications, faq, codes, laws, products, ...(comparison ? { comparison } : {}), ...(codeDuty >= 0 ? { codeDuty } : {}), ...(privacyDuty >= 0 ? { privacyDuty } : {}), ...(durationStep >= 0 ? { durationStep } : {}), ...(entryStep >= 0 ? { entryStep } : {}) };
}
