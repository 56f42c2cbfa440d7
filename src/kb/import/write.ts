import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import yaml from 'js-yaml';
import { parseCareerPage, PageError, type CareerPage } from './page.js';
import { generate, slug, type ImportTemplates, type IntentTemplate } from './generate.js';
import { buildKnowledgeBase, type ParsedFile } from '../validate.js';
import { KnowledgeBaseError } from '../errors.js';
import { OCCUPATIONS_FILE, readOccupationTitles, yamlFileNames } from '../load.js';
import { nameOf, withoutCredentialWord } from '../../engine/occupations.js';
import { singleWordFold, stemsOf as nameStems } from '../../engine/occupation-names.js';
import { stem, tokenize } from '../../engine/analyze.js';
import { normalize } from '../../engine/normalize.js';

/** Pages larger than this are refused: a career page is a few kilobytes. */
export const MAX_PAGE_BYTES = 1024 * 1024;

export interface ImportOptions {
  readonly page: string;
  readonly knowledgeDir: string;
  readonly intentsDir: string;
  /** The product's intents/ (templates and the starter files). */
  readonly productIntentsDir: string;
  readonly minUtterances: number;
  /** The facts' asOf date when they are new or changed (default: today). */
  readonly today?: string;
}

export interface ImportReport {
  readonly career: string;
  readonly title: string;
  readonly prefix: string;
  readonly files: readonly string[];
  /** Files whose content changed (a second import of the same page changes none). */
  readonly changed: readonly string[];
  readonly facts: number;
  readonly intents: number;
  readonly utterances: number;
  readonly unread: readonly string[];
  readonly missing: readonly string[];
}

function loadTemplates(dir: string): ImportTemplates & { starter: Record<string, string> } {
  const raw = yaml.load(readFileSync(join(dir, 'import', 'templates.yaml'), 'utf8'), { schema: yaml.CORE_SCHEMA }) as {
    intents: Record<string, IntentTemplate>;
    faq: { pattern: string; intent: string }[];
    starter?: Record<string, string>;
  };
  const starter = Object.fromEntries(Object.entries(raw.starter ?? {}).map(([target, from]) => [target, join(dir, 'import', from)]));
  return { intents: raw.intents, faq: raw.faq.map((r) => ({ pattern: new RegExp(r.pattern, 'i'), intent: r.intent })), starter };
}

const stemsOf = (t: string): string => tokenize(normalize(t)).map(stem).join(' ');

/**
 * The O*NET-SOC codes whose title names the career ("Pharmacy Technicians" for "Pharmacy
 * Technician"; "Medical and Clinical Laboratory Technicians" for "Medical Laboratory Technician",
 * a modifier of a coordinated title taking the words after the last part's first).
 */
function socOf(title: string, occupations: readonly { soc: string; title: string }[], shortForms: Readonly<Record<string, string>> = {}, fold: ReadonlyMap<string, string> = new Map()): string[] {
  // A credential before the title ("Certified Nursing Assistant") is not part of the occupation's O*NET name.
  const bare = withoutCredentialWord(title, 1);
  const wanted = stemsOf(title);
  const wantedBare = stemsOf(bare);
  // A short form people type for an occupation ("hvac tech") that is the career's title ("HVAC Technician").
  const folded = (t: string): string => nameStems(t, fold).join(' ');
  const byShortForm = (t: string) => Object.entries(shortForms).filter(([form]) => folded(form) === folded(t)).map(([, onet]) => onet);
  const names = (onet: string): string[] => {
    const whole = nameOf(onet);
    // "Opticians, Dispensing", "Cooks, Restaurant": O*NET's qualifier after a comma goes first when people say it.
    const qualifier = onet.slice(whole.length).match(/^,\s*([^,]+)$/)?.[1];
    const inverted = qualifier && !/^(?:except|all other|including)\b/i.test(qualifier) ? [`${qualifier} ${whole}`] : [];
    // "Supervisors of Farming, Fishing, and Forestry Workers", "Helpers--Installation, ...": one occupation, named whole.
    if (/\sof\s|--/.test(whole)) return [whole, ...inverted];
    const parts = whole.split(/\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+/).filter((p) => p !== '');
    const last = parts.at(-1)!.split(/\s+/);
    const head = last.at(-1)!;
    const tail = last.slice(1).join(' ');
    // A later one-word part ("Clerks" of "Credit Authorizers, Checkers, and Clerks") is no name on its own; the first is ("Welders").
    const own = parts.filter((p, i) => i === 0 || p.includes(' '));
    const distributed = parts.slice(0, -1).flatMap((p) => [`${p} ${head}`, ...(last.length > 2 ? [`${p} ${tail}`] : [])]);
    // A later one-word part takes the first part's modifiers ("Veterinary Technologists and Technicians": "Veterinary Technicians").
    const modifiers = parts[0]!.split(/\s+/).slice(0, -1).join(' ');
    if (modifiers) distributed.push(...parts.slice(1).filter((p) => !p.includes(' ')).map((p) => `${modifiers} ${p}`));
    return [whole, ...inverted, ...own, ...distributed];
  };
  const matching = (t: string, w: string) => {
    const short = byShortForm(t);
    return occupations.filter((o) => short.includes(o.title) || names(o.title).some((n) => stemsOf(n) === w)).map((o) => o.soc);
  };
  const codes = matching(title, wanted);
  return codes.length > 0 || wantedBare === wanted ? codes : matching(bare, wantedBare);
}

/** The product's short forms of occupations ("hvac tech") and its single-word synonyms ("tech" for "technician"), to find a career's O*NET code. */
function productWords(dir: string): [Record<string, string>, Map<string, string>] {
  const load = (f: string): Record<string, unknown> => (existsSync(join(dir, f)) ? ((yaml.load(readFileSync(join(dir, f), 'utf8'), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown> | null) ?? {}) : {});
  const occupations = (load('occupations.yaml').occupations ?? {}) as { shortForms?: Record<string, string> };
  const synonyms = ((load('lexicon.yaml').lexicon ?? {}) as { synonyms?: Record<string, string[]> }).synonyms ?? {};
  return [occupations.shortForms ?? {}, singleWordFold(synonyms)];
}

/** How a starter file the import trimmed begins: such a file is the import's to rewrite. */
const STARTER_HEADER = '# Copied from the product';

/** The intent ids (and their variants') an intents file defines. */
function intentIds(data: unknown): string[] {
  const intents = (data as { intents?: { id?: unknown; variants?: { id?: unknown }[] }[] } | null)?.intents;
  if (!Array.isArray(intents)) return [];
  return intents.flatMap((i) => [i.id, ...(Array.isArray(i.variants) ? i.variants.map((v) => v.id) : [])]).filter((id): id is string => typeof id === 'string');
}

/** An intents file with each intent's follow-ups cut to the ids that exist; whether any was cut. */
function withKnownFollowUps(data: unknown, known: ReadonlySet<string>): { data: unknown; trimmed: boolean } {
  const intents = (data as { intents?: { followUps?: unknown }[] } | null)?.intents;
  if (!Array.isArray(intents)) return { data, trimmed: false };
  let trimmed = false;
  const out = intents.map((i) => {
    if (!Array.isArray(i.followUps)) return i;
    const kept = i.followUps.filter((f) => typeof f !== 'string' || known.has(f));
    if (kept.length === i.followUps.length) return i;
    trimmed = true;
    return { ...i, followUps: kept };
  });
  return { data: { ...(data as object), intents: out }, trimmed };
}

function dump(header: string, data: unknown): string {
  return `${header}\n${yaml.dump(data, { lineWidth: 120, noRefs: true, quotingType: '"' })}`;
}

/**
 * `faqbot import PAGE`: reads a career page and writes the career's `knowledge/<id>.yaml` and
 * `intents/<id>.yaml`. A career alone in its folders keeps plain ids (the seed's ids); beside
 * another career its ids take its own prefix. Everything is validated with the whole knowledge base
 * before a byte is written, and both files are written atomically, so a bad page leaves the folders
 * as they were. Facts whose value did not change keep their `asOf`, so a second import of the same
 * page changes nothing.
 */
export function importCareerPage(options: ImportOptions): ImportReport {
  // Looked at before it is read: a device, a pipe or a huge file is refused without reading it.
  const info = statSync(options.page);
  if (!info.isFile()) throw new PageError(`${options.page} is not a file; give the path of a career page (text, Markdown or HTML)`);
  if (info.size > MAX_PAGE_BYTES) throw new PageError(`the page is ${info.size} bytes; a career page is at most ${MAX_PAGE_BYTES} (is it the right file?)`);
  const page: CareerPage = parseCareerPage(readFileSync(options.page).toString('utf8'));
  const templates = loadTemplates(options.productIntentsDir);
  const careerId = slug(page.title).replace(/_/g, '-');
  if (!/[a-z]/.test(careerId)) throw new PageError(`the title "${page.title.slice(0, 80)}" has no letters a-z to name the career's files by; write the title in Latin letters`);
  mkdirSync(options.knowledgeDir, { recursive: true });
  mkdirSync(options.intentsDir, { recursive: true });
  const base = join(options.knowledgeDir, '..');
  const knowledgeFile = join(options.knowledgeDir, `${careerId}.yaml`);
  const intentsFile = join(options.intentsDir, `${careerId}.yaml`);

  const others = yamlFileNames(options.knowledgeDir).filter((n) => n !== basename(knowledgeFile));
  for (const target of [knowledgeFile, intentsFile]) {
    if (existsSync(target) && !statSync(target).isFile()) throw new PageError(`${relative(base, target)} is in the way and is not a file; move it, then import again`);
  }
  const previous = existsSync(knowledgeFile) ? (yaml.load(readFileSync(knowledgeFile, 'utf8'), { schema: yaml.CORE_SCHEMA }) as { career?: { title?: string }; facts?: Record<string, { value: unknown; asOf?: string }>; defaults?: { asOf?: string } }) : undefined;
  // Two titles can make one id ("Pharmacy-Technician", a long title cut short): never overwrite another career.
  if (previous?.career?.title !== undefined && previous.career.title !== page.title) {
    throw new PageError(`${relative(base, knowledgeFile)} already holds the career "${previous.career.title}", whose id this page's title "${page.title.slice(0, 80)}" would take; rename one of the titles`);
  }
  // A career keeps the ids it was first written with: plain when it was alone, prefixed otherwise.
  const wasPlain = previous ? Object.keys(previous.facts ?? {}).some((id) => !id.startsWith(`${careerId}.`)) : others.length === 0;
  const prefix = wasPlain ? '' : `${careerId}.`;
  const problems: string[] = [];
  // A folder without its own occupation titles gets the product's copy (below), so the career's
  // O*NET code is read from that copy: its short forms ("MA") then name it, not another occupation.
  const productTitles = join(options.productIntentsDir, '..', 'knowledge');
  const ownTitles = existsSync(join(options.knowledgeDir, OCCUPATIONS_FILE)) || !existsSync(join(productTitles, OCCUPATIONS_FILE));
  const occupationTitles = readOccupationTitles(ownTitles ? options.knowledgeDir : productTitles, base, []);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const key = (u: string) => tokenize(normalize(u)).join(' ');
  const taken = new Set(
    yamlFileNames(options.intentsDir)
      .filter((n) => join(options.intentsDir, n) !== intentsFile)
      .flatMap((n) => {
        const data = yaml.load(readFileSync(join(options.intentsDir, n), 'utf8'), { schema: yaml.CORE_SCHEMA }) as { intents?: { utterances?: string[] }[]; negatives?: string[] } | null;
        return [...(data?.intents ?? []).flatMap((i) => i.utterances ?? []), ...(data?.negatives ?? [])].filter((u) => typeof u === 'string').map(key);
      }),
  );
  const generated = generate(page, templates, { careerId, prefix, sourceRef: relative(base, options.page) || options.page, asOf: today, soc: socOf(page.title, occupationTitles, ...productWords(options.productIntentsDir)), taken, key });

  // Unchanged facts keep the date they were last checked; new and changed ones are checked today.
  const facts = generated.knowledge.facts as Record<string, { value: unknown; asOf?: string }>;
  const oldDefault = previous?.defaults?.asOf;
  if (previous && oldDefault) {
    (generated.knowledge.defaults as { asOf: string }).asOf = oldDefault;
    for (const [id, fact] of Object.entries(facts)) {
      const old = previous.facts?.[id];
      const unchanged = old !== undefined && JSON.stringify(old.value) === JSON.stringify(fact.value);
      const asOf: string = unchanged ? (old.asOf ?? oldDefault) : today;
      if (asOf !== oldDefault) fact.asOf = asOf;
    }
  }
  const header = (what: string) => `# ${what} of the ${page.title} career, written by \`faqbot import ${relative(base, options.page) || options.page}\`.\n# Edit the page and import it again; unchanged facts keep their asOf date.`;
  const knowledgeText = dump(header('Facts'), generated.knowledge);
  const intentsText = dump(header('Intents'), generated.intents);

  // A starter file is (re)written where it is missing or is still the import's copy (not edited by hand):
  // its follow-ups then follow the topics the folders have after this import.
  const starters = Object.entries(templates.starter)
    .filter(([, from]) => existsSync(from))
    .map(([f, from]) => {
      const at = join(options.intentsDir, f);
      return { f, from, at, source: readFileSync(from, 'utf8'), current: existsSync(at) ? readFileSync(at, 'utf8') : undefined };
    })
    .filter((s) => s.current === undefined || s.current === s.source || s.current.startsWith(STARTER_HEADER));
  const rewritten = new Set(starters.map((s) => s.at));
  const read = (dir: string, skip: string): ParsedFile[] =>
    yamlFileNames(dir)
      .filter((n) => join(dir, n) !== skip && !rewritten.has(join(dir, n)))
      .map((n) => ({ file: relative(base, join(dir, n)), data: yaml.load(readFileSync(join(dir, n), 'utf8'), { schema: yaml.CORE_SCHEMA }) }));
  const existing = read(options.intentsDir, intentsFile);
  const loaded = starters.map((s) => ({ ...s, data: yaml.load(s.source, { schema: yaml.CORE_SCHEMA }) }));
  // Small talk's follow-ups name topics a partial page may lack ("salary" on a page with no salary): those are left out.
  const known = new Set([...existing, ...loaded, { data: generated.intents }].flatMap((d) => intentIds(d.data)));
  const trimmed = loaded.map((s) => ({ ...s, ...withKnownFollowUps(s.data, known) }));
  const starterFiles = trimmed.map((s) => ({ file: relative(base, s.at), data: s.data }));
  try {
    buildKnowledgeBase(
      [...read(options.knowledgeDir, knowledgeFile), { file: relative(base, knowledgeFile), data: yaml.load(knowledgeText, { schema: yaml.CORE_SCHEMA }) }],
      [...existing, ...starterFiles, { file: relative(base, intentsFile), data: yaml.load(intentsText, { schema: yaml.CORE_SCHEMA }) }],
      { minUtterances: options.minUtterances, occupationTitles },
    );
  } catch (error) {
    if (error instanceof KnowledgeBaseError) problems.push(...error.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`));
    else throw error;
  }
  if (problems.length > 0) throw new PageError(`the imported career would not validate, so nothing was written:\n  ${problems.join('\n  ')}`);

  // Both files are written beside their targets first, then moved into place together: a failure
  // before the moves leaves the folders as they were.
  const changed: string[] = [];
  const pending = [
    { path: knowledgeFile, text: knowledgeText },
    { path: intentsFile, text: intentsText },
  ].filter((f) => !(existsSync(f.path) && readFileSync(f.path, 'utf8') === f.text));
  const tmps: string[] = [];
  try {
    for (const f of pending) {
      const tmp = `${f.path}.tmp-${process.pid}`;
      writeFileSync(tmp, f.text);
      tmps.push(tmp);
    }
  } catch (error) {
    for (const tmp of tmps) rmSync(tmp, { force: true });
    throw error;
  }
  pending.forEach((f, i) => {
    renameSync(tmps[i]!, f.path);
    changed.push(relative(base, f.path));
  });
  for (const { from, at, source, current, data, trimmed: cut } of trimmed) {
    const text = cut ? dump(`${STARTER_HEADER}'s intents/${relative(options.productIntentsDir, from)} by \`faqbot import\`; follow-ups to topics these folders lack left out.`, data) : source;
    if (current === text) continue;
    writeFileSync(at, text);
    changed.push(relative(base, at));
  }
  if (!ownTitles && readdirSync(options.knowledgeDir).length > 0) {
    copyFileSync(join(productTitles, OCCUPATIONS_FILE), join(options.knowledgeDir, OCCUPATIONS_FILE));
    changed.push(relative(base, join(options.knowledgeDir, OCCUPATIONS_FILE)));
  }
  return {
    career: careerId,
    title: page.title,
    prefix,
    files: [relative(base, knowledgeFile), relative(base, intentsFile)],
    changed,
    facts: generated.facts,
    intents: generated.intentCount,
    utterances: generated.utterances,
    unread: page.unread,
    missing: page.missing,
  };
}
