import type { z } from 'zod/v3';
import { NONE, type Career, type Collection, type Command, type Guide, type Notices, type Fact, type Intent, type Knowledge, type KnowledgeBase, type Lexicon, type Source } from '../engine/types.js';
import { careersOf } from '../engine/careers.js';
import { careerList, checkTemplate, formatValue, resolveRef } from '../engine/template.js';
import { normalize } from '../engine/normalize.js';
import { tokenize } from '../engine/analyze.js';
import { KnowledgeBaseError, messages, type Problem } from './errors.js';
import { intentFileSchema, knowledgeFileSchema, type IntentFile, type KnowledgeFile } from './schema.js';

/** Notices a knowledge base may leave out. */
const DEFAULT_NOTICES: Notices = {
  privacy: "Please don't share patient information in chat. Ask your question without those details.",
  rateLimited: 'You are asking faster than I can answer. Please wait a minute and ask again.',
  otherCareer: 'I can only answer questions about {careers}. An advisor can help you with {occupation}.',
};

/** A parsed YAML file and the name it is reported under (e.g. `intents/salary.yaml`). */
export interface ParsedFile {
  readonly file: string;
  readonly data: unknown;
}

export interface ValidateOptions {
  /** Minimum utterances per intent. */
  readonly minUtterances: number;
  /** Occupation titles (knowledge/occupations.tsv), when there are any. */
  readonly occupationTitles?: readonly { readonly soc: string; readonly title: string }[];
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

function parseWith<T>(schema: z.ZodType<T>, f: ParsedFile, problems: Problem[]): T | undefined {
  const result = schema.safeParse(f.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push({ file: f.file, path: pathOf(issue.path), message: issue.message });
  return undefined;
}

const REF = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/**
 * A fact's sentence may name another fact instead of repeating it ("look for roles like
 * {{training.entry_jobs}} to get your foot in the door"): filled in once here, one level deep, so
 * the list is written in one place and every answer that quotes the sentence shows it.
 */
function expandFactReferences(facts: Record<string, Fact>, problems: Problem[]): void {
  const fill = (fid: string, text: string): string =>
    text.replace(REF, (whole, ref: string) => {
      const r = resolveRef({ facts }, ref);
      const raw = typeof r === 'string' ? undefined : JSON.stringify(r.value);
      if (typeof r === 'string' || raw!.includes('{{')) {
        problems.push({ file: `knowledge (fact ${fid})`, path: `facts.${fid}`, message: typeof r === 'string' ? r : `"${ref}" itself references a fact; a fact may reference only facts that do not` });
        return whole;
      }
      return formatValue(r.value, r.value === r.fact.value ? r.fact.unit : undefined);
    });
  for (const [fid, fact] of Object.entries(facts)) {
    const v = fact.value;
    if (typeof v === 'string' && v.includes('{{')) facts[fid] = { ...fact, value: fill(fid, v) };
    else if (Array.isArray(v) && v.some((x) => x.includes('{{'))) facts[fid] = { ...fact, value: v.map((x) => fill(fid, x)) };
  }
}

function buildKnowledge(files: readonly { file: string; data: KnowledgeFile }[], problems: Problem[]): Knowledge {
  const sources: Record<string, Source> = {};
  const facts: Record<string, Fact> = {};
  const collections: Record<string, Collection> = {};
  for (const { data } of files) for (const [sid, s] of Object.entries(data.sources)) sources[sid] = { id: sid, ...s };
  const careers: Career[] = [];
  for (const { file, data } of files) {
    const career = { id: data.career.id, title: data.career.title, ...(data.career.category ? { category: data.career.category } : {}), soc: data.career.soc ?? [], titles: data.career.titles ?? [] };
    if (careers.some((c) => c.id === career.id)) problems.push({ file, path: 'career.id', message: messages.duplicateCareer(career.id) });
    else careers.push(career);
    for (const [fid, f] of Object.entries(data.facts)) {
      const source = f.source ?? data.defaults?.source;
      const asOf = f.asOf ?? data.defaults?.asOf;
      const at = `facts.${fid}`;
      if (!source) problems.push({ file, path: at, message: messages.missingSource() });
      else if (!sources[source]) problems.push({ file, path: `${at}.source`, message: messages.unknownSource(source) });
      if (!asOf) problems.push({ file, path: at, message: messages.missingAsOf() });
      if (facts[fid]) problems.push({ file, path: at, message: messages.duplicateFact(fid, facts[fid]!.career) });
      facts[fid] = { id: fid, career: career.id, value: f.value, label: f.label, unit: f.unit, source: source ?? '', asOf: asOf ?? '', ...(f.quote !== undefined ? { quote: typeof f.quote === 'string' ? [f.quote] : f.quote } : {}) };
    }
  }
  expandFactReferences(facts, problems);
  for (const { file, data } of files) {
    for (const [cid, c] of Object.entries(data.collections ?? {})) {
      c.items.forEach((item, i) => {
        const fact = facts[item];
        if (!fact) problems.push({ file, path: `collections.${cid}.items[${i}]`, message: messages.unknownCollectionItem(item) });
        else if (typeof fact.value !== 'object' || Array.isArray(fact.value))
          problems.push({ file, path: `collections.${cid}.items[${i}]`, message: messages.notARecord(item) });
      });
      collections[cid] = { id: cid, ...c };
    }
  }
  files.forEach(({ file }, n) => {
    careers[n]?.titles.forEach((id, i) => {
      if (!Array.isArray(facts[id]?.value)) problems.push({ file, path: `career.titles[${i}]`, message: messages.notATitleList(id) });
    });
  });
  const career = careers[0] ?? { id: 'unknown', title: 'unknown', soc: [], titles: [] };
  return { career, careers, sources, facts, collections };
}

/**
 * Validates parsed knowledge and intent files and assembles the knowledge base. Collects every
 * problem (file, path inside it, what is wrong) and throws them together: never half a knowledge base.
 */
export function buildKnowledgeBase(
  knowledgeFiles: readonly ParsedFile[],
  intentFiles: readonly ParsedFile[],
  options: ValidateOptions,
): KnowledgeBase {
  const problems: Problem[] = [];
  const kFiles = knowledgeFiles.flatMap((f) => {
    const data = parseWith(knowledgeFileSchema, f, problems);
    return data ? [{ file: f.file, data }] : [];
  });
  const iFiles = intentFiles.flatMap((f) => {
    const data = parseWith<IntentFile>(intentFileSchema, f, problems);
    return data ? [{ file: f.file, data }] : [];
  });
  const knowledge = buildKnowledge(kFiles, problems);

  const intents: Intent[] = [];
  const negatives: string[] = [];
  const commands: Command[] = [];
  const guides: Guide[] = [];
  const notices: Partial<Notices> = {};
  const lexicon = { synonyms: {} as Record<string, string[]>, fillers: [] as string[], keep: [] as string[], context: { continues: [] as string[], excludes: [] as string[], compares: [] as string[], refers: [] as string[] } };
  const where = new Map<string, string>();
  const utteranceOwner = new Map<string, string>();
  const claim = (utterance: string, owner: string, file: string, path: string): void => {
    const key = tokenize(normalize(utterance)).join(' ');
    const other = utteranceOwner.get(key);
    if (other && other !== owner) problems.push({ file, path, message: messages.duplicateUtterance(utterance, other) });
    else utteranceOwner.set(key, owner);
  };

  for (const { file, data } of iFiles) {
    (data.negatives ?? []).forEach((n, i) => {
      claim(n, `"${NONE}" (negatives)`, file, `negatives[${i}]`);
      negatives.push(n);
    });
    for (const [canonical, variants] of Object.entries(data.lexicon?.synonyms ?? {})) {
      lexicon.synonyms[canonical] = [...(lexicon.synonyms[canonical] ?? []), ...variants];
    }
    lexicon.fillers.push(...(data.lexicon?.fillers ?? []));
    lexicon.keep.push(...(data.lexicon?.keep ?? []));
    lexicon.context.continues.push(...(data.lexicon?.context?.continues ?? []));
    lexicon.context.excludes.push(...(data.lexicon?.context?.excludes ?? []));
    lexicon.context.refers.push(...(data.lexicon?.context?.refers ?? []));
    lexicon.context.compares.push(...(data.lexicon?.context?.compares ?? []));
    (data.intents ?? []).forEach((raw, i) => {
      const at = `intents[${i}]`;
      for (const vid of [raw.id, ...(raw.variants ?? []).map((v) => v.id)]) {
        const other = where.get(vid);
        if (other) problems.push({ file, path: `${at}.id`, message: messages.duplicateId(vid, other) });
        else where.set(vid, `${file} ${at}`);
      }
      if (raw.utterances.length < options.minUtterances)
        problems.push({ file, path: `${at}.utterances`, message: messages.tooFewUtterances(raw.utterances.length, options.minUtterances) });
      raw.utterances.forEach((u, j) => claim(u, `"${raw.id}"`, file, `${at}.utterances[${j}]`));
      for (const p of checkTemplate(knowledge, raw.answer)) problems.push({ file, path: `${at}.answer`, message: p });
      (raw.variants ?? []).forEach((v, j) => {
        if (!v.id.startsWith(`${raw.id}.`)) problems.push({ file, path: `${at}.variants[${j}].id`, message: messages.variantPrefix(v.id, raw.id) });
        for (const p of checkTemplate(knowledge, v.answer)) problems.push({ file, path: `${at}.variants[${j}].answer`, message: p });
        if (v.compare && !knowledge.collections[v.compare])
          problems.push({ file, path: `${at}.variants[${j}].compare`, message: messages.unknownCompare(v.compare) });
      });
      // A label may reference facts ("{{certs.cpc.acronym}}"): filled in here, once.
      const label = raw.label.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, ref: string) => {
        const r = resolveRef(knowledge, ref);
        if (typeof r === 'string' || typeof r.value === 'object') {
          problems.push({ file, path: `${at}.label`, message: typeof r === 'string' ? r : `"${ref}" is not a single value a label can show` });
          return whole;
        }
        return String(r.value);
      });
      intents.push({
        id: raw.id,
        label,
        ...(label !== raw.label ? { labelTemplate: raw.label } : {}),
        utterances: raw.utterances,
        keywords: raw.keywords ?? [],
        answer: raw.answer,
        followUps: raw.followUps ?? [],
        variants: raw.variants ?? [],
        smallTalk: raw.smallTalk ?? false,
        clearsContext: raw.clearsContext ?? false,
        overview: raw.overview ?? false,
      });
    });
  }
  for (const { data } of iFiles) for (const g of data.guides ?? []) guides.push(g);
  for (const { data } of iFiles) Object.assign(notices, data.notices ?? {});
  for (const { file, data } of iFiles) {
    (data.guides ?? []).forEach((g, i) => {
      const at = `guides[${i}]`;
      g.outcomes.forEach((o, j) => {
        o.intents.forEach((intent, k) => {
          if (!where.has(intent)) problems.push({ file, path: `${at}.outcomes[${j}].intents[${k}]`, message: messages.unknownCommandIntent(intent) });
        });
        for (const [key, value] of Object.entries(o.when)) {
          const q = g.questions.find((x) => x.key === key);
          if (!q) problems.push({ file, path: `${at}.outcomes[${j}].when.${key}`, message: messages.unknownGuideKey(key) });
          else if (!q.choices.some((c) => c.value === value))
            problems.push({ file, path: `${at}.outcomes[${j}].when.${key}`, message: messages.unknownGuideValue(key, value) });
        }
      });
    });
    (data.intents ?? []).forEach((raw, i) => {
      (raw.variants ?? []).forEach((v, j) => {
        if (v.guide && !guides.some((g) => g.id === v.guide)) problems.push({ file, path: `intents[${i}].variants[${j}].guide`, message: messages.unknownGuide(v.guide) });
      });
    });
    (data.commands ?? []).forEach((c, i) => {
      if (!where.has(c.intent)) problems.push({ file, path: `commands[${i}].intent`, message: messages.unknownCommandIntent(c.intent) });
      if (c.items && !knowledge.collections[c.items]) problems.push({ file, path: `commands[${i}].items`, message: messages.unknownCompare(c.items) });
      if (commands.some((o) => o.command === c.command)) problems.push({ file, path: `commands[${i}].command`, message: messages.duplicateCommand(c.command) });
      commands.push(c);
    });
    (data.intents ?? []).forEach((raw, i) => {
      (raw.followUps ?? []).forEach((f, j) => {
        if (!where.has(f)) problems.push({ file, path: `intents[${i}].followUps[${j}]`, message: messages.unknownFollowUp(f) });
      });
    });
  }
  const titles = options.occupationTitles ?? [];
  const known = new Set(titles.map((t) => t.title));
  const shortForms: { form: string; title: string; ownOnly?: boolean }[] = [];
  for (const { file, data } of iFiles) {
    for (const [field, ownOnly] of [['shortForms', false], ['initials', true]] as const) {
      for (const [form, title] of Object.entries(data.occupations?.[field] ?? {})) {
        if (titles.length > 0 && !known.has(title)) problems.push({ file, path: `occupations.${field}.${form}`, message: messages.unknownOccupation(title) });
        shortForms.push({ form, title, ...(ownOnly ? { ownOnly } : {}) });
      }
    }
  }
  if (knowledgeFiles.length === 0) problems.push({ file: 'knowledge/', path: '', message: messages.noKnowledge('knowledge/') });
  if (intentFiles.length > 0 && intents.length === 0 && problems.length === 0)
    problems.push({ file: 'intents/', path: '', message: messages.noIntents('intents/') });
  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  const copy = iFiles.map((f) => f.data.assistant).find((a) => a !== undefined);
  // The panel's greeting names the careers covered, as small talk does.
  const careers = careerList(careersOf(knowledge));
  const named = (text: string): string => text.replace(/\{\{\s*careers\s*\}\}/g, careers);
  const assistant = copy ? { ...copy, greeting: named(copy.greeting), ...(copy.advisorGreeting ? { advisorGreeting: named(copy.advisorGreeting) } : {}) } : undefined;
  return { knowledge, occupations: { titles, shortForms }, ...(assistant ? { assistant } : {}), intents, negatives, lexicon: lexicon as Lexicon, commands, guides, notices: { ...DEFAULT_NOTICES, ...notices } };
}

/** Facts whose `asOf` date is older than `maxAgeDays` on `today`: figures someone should re-check. */
export function staleFacts(knowledge: Knowledge, maxAgeDays: number, today: Date): Fact[] {
  const limit = today.getTime() - maxAgeDays * 86_400_000;
  return Object.values(knowledge.facts).filter((f) => Date.parse(f.asOf) < limit);
}
