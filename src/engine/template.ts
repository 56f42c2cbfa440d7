import { careersOf } from './careers.js';
import type { Block, Career, Command, Fact, FactValue, Knowledge, Topic } from './types.js';

/**
 * Answer templates: plain lines with `{{fact.id}}` (or `{{fact.id.field}}`, `{{fact.id.2}}`) inline,
 * and directive lines that stand alone: `{{list id…}}`, `{{numbered id}}`, `{{table collection col…}}`,
 * `{{topics}}`; `{{commands}}` inline names the slash commands, `{{careers}}` the careers covered. Facts are written once in knowledge/ and only referenced here.
 */

const INLINE = /\{\{\s*([^{}\s]+)\s*\}\}/g;
const DIRECTIVE = /^\{\{\s*(list|numbered|table|topics)\b([^{}]*)\}\}$/;

export interface Resolved {
  readonly fact: Fact;
  readonly value: FactValue;
}

/** Finds the fact a dotted reference points into, or explains why it cannot. */
export function resolveRef(knowledge: Pick<Knowledge, 'facts'>, ref: string): Resolved | string {
  const parts = ref.split('.');
  for (let n = parts.length; n >= 1; n--) {
    const fact = knowledge.facts[parts.slice(0, n).join('.')];
    if (!fact) continue;
    const rest = parts.slice(n);
    if (rest.length === 0) return { fact, value: fact.value };
    if (rest.length > 1) return `"${ref}" goes deeper than fact "${fact.id}" has fields`;
    const key = rest[0]!;
    const value = fact.value;
    if (Array.isArray(value)) {
      const item = /^\d+$/.test(key) ? value[Number(key)] : undefined;
      return item === undefined ? `fact "${fact.id}" has no item ${key} (it has ${value.length})` : { fact, value: item };
    }
    if (typeof value === 'object' && value !== null) {
      const field = (value as Record<string, string>)[key];
      return field === undefined ? `fact "${fact.id}" has no field "${key}"` : { fact, value: field };
    }
    return `fact "${fact.id}" is a single value, so "${ref}" has nothing to point to`;
  }
  return `unknown fact "${ref}"`;
}

/** Every problem in a template (unknown facts, collections or columns), as messages. */
export function checkTemplate(knowledge: Knowledge, template: string): string[] {
  const problems: string[] = [];
  if (template.trim() === '') return ['the answer is empty'];
  for (const line of template.split('\n')) {
    const directive = DIRECTIVE.exec(line.trim());
    if (directive) {
      const [kind, argText] = [directive[1]!, directive[2]!.trim()];
      const args = argText ? argText.split(/\s+/) : [];
      if (kind === 'table') {
        const collection = knowledge.collections[args[0] ?? ''];
        if (!collection) problems.push(`unknown collection "${args[0] ?? ''}" in {{table}}`);
        else for (const col of args.slice(1)) if (!(col in collection.columns)) problems.push(`collection "${collection.id}" has no column "${col}"`);
      } else if (kind !== 'topics') {
        if (args.length === 0) problems.push(`{{${kind}}} needs at least one fact`);
        for (const ref of args) {
          const r = resolveRef(knowledge, ref);
          if (typeof r === 'string') problems.push(r);
        }
      }
      continue;
    }
    for (const match of line.matchAll(INLINE)) {
      if (match[1] === 'commands' || match[1] === 'careers') continue;
      const r = resolveRef(knowledge, match[1]!);
      if (typeof r === 'string') problems.push(r);
    }
  }
  return problems;
}

/**
 * A number as en-US writes it ("35,780", at most three decimals), without `toLocaleString`: the first
 * locale-aware call loads ICU's data, ~14 ms of every cold start.
 */
export function groupDigits(value: number): string {
  const [whole, fraction] = String(Math.round(value * 1000) / 1000).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** All the words of a fact's value, for matching (a list's items, a record's fields). */
export function factText(value: FactValue): string {
  return factTexts(value).join(' ');
}

/** A fact's value as its texts, each a sentence of its own: the string, a list's items, a record's fields. */
export function factTexts(value: FactValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return [...value];
  return typeof value === 'object' ? Object.values(value).map((v) => (v == null ? '' : String(v))) : [];
}

/** Formats a value for inline text: money as "$35,780", lists as "a, b and c", records by name. */
export function formatValue(value: FactValue, unit?: string): string {
  if (typeof value === 'number') {
    const amount = groupDigits(value);
    // "USD per year": the fact's unit says the period, so no template types "a year".
    if (unit?.startsWith('USD')) return `$${amount}${unit.slice(3).replace(/^\s*per\s+/, ' a ').replace(/^\s+$/, '')}`;
    return unit ? `${amount} ${unit}` : amount;
  }
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const items = value as readonly string[];
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  }
  const record = value as Record<string, string>;
  return record.name ?? Object.values(record).join(', ');
}

export interface RenderContext {
  readonly knowledge: Knowledge;
  readonly topics: readonly Topic[];
  /** For comparisons: only these collection items appear in tables (all when empty). */
  readonly onlyItems?: readonly string[];
  /** The slash commands, for `{{commands}}` ("`/certs`, `/salary` and `/faq <question>`"). */
  readonly commands?: readonly Command[];
}

/** The slash commands as an answer names them: never typed into a template, so a renamed command is renamed everywhere. */
export function commandList(commands: readonly Command[]): string {
  const names = commands.map((c) => `\`${c.command}${c.ask ? ' <question>' : ''}\``);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The careers covered as a sentence names them ("a Medical Records Specialist or a Surgical
 * Technologist"): small talk says what the bot knows without naming one career when there are several.
 */
export function careerList(careers: readonly Pick<Career, 'title'>[]): string {
  const named = careers.map((c) => `${article(c.title)} ${c.title}`);
  return named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
}

/**
 * "a" or "an" before a title, by its sound: an initialism by its letter's name ("an MRI
 * Technologist", "an X-Ray Technician", "a CNA"), a word by its first vowel, "u" sounded "you" and
 * "one" excepted ("a Unit Secretary", "an Optician").
 */
function article(title: string): string {
  if (/^[A-Z](?:[A-Z]|-|\b)/.test(title)) return /^[AEFHILMNORSX]/.test(title) ? 'an' : 'a';
  return /^[aeiou]/i.test(title) && !/^(?:u[bcfhjkqrstn][aeiou]|uni|use|eu|one)/i.test(title) ? 'an' : 'a';
}

export interface Rendered {
  readonly blocks: Block[];
  /** Source ids of every fact the answer used. */
  readonly sources: Set<string>;
  /** The page's sentences behind the answer: the quotes of the facts it used (of the item, for a list item). */
  readonly quotes: string[];
}

/** Renders a template that `checkTemplate` accepted into answer blocks. */
export function renderTemplate(template: string, ctx: RenderContext): Rendered {
  const blocks: Block[] = [];
  const sources = new Set<string>();
  const quotes = new Set<string>();
  const use = (ref: string): Resolved => {
    const r = resolveRef(ctx.knowledge, ref);
    if (typeof r === 'string') throw new Error(`template refers to a missing fact: ${r}`);
    sources.add(r.fact.source);
    const quoted = r.fact.quote ?? [];
    const index = /\.(\d+)$/.exec(ref);
    // A list item's own sentence when the list quotes one line per item; otherwise all of the fact's.
    if (index && Array.isArray(r.fact.value) && quoted.length === r.fact.value.length) quotes.add(quoted[Number(index[1])]!);
    else for (const q of quoted) quotes.add(q);
    return r;
  };
  const inline = (ref: string): string => {
    if (ref === 'commands') return commandList(ctx.commands ?? []);
    if (ref === 'careers') return careerList(careersOf(ctx.knowledge));
    const r = use(ref);
    return formatValue(r.value, r.value === r.fact.value ? r.fact.unit : undefined);
  };
  for (const rawLine of template.split('\n')) {
    const line = rawLine.trim();
    if (!line) continue;
    const directive = DIRECTIVE.exec(line);
    if (!directive) {
      blocks.push({ type: 'paragraph', text: line.replace(INLINE, (_m, ref: string) => inline(ref)) });
      continue;
    }
    const kind = directive[1]!;
    const args = directive[2]!.trim().split(/\s+/).filter(Boolean);
    if (kind === 'topics') {
      blocks.push({ type: 'list', ordered: false, items: ctx.topics.map((t) => t.label) });
    } else if (kind === 'table') {
      const collection = ctx.knowledge.collections[args[0]!]!;
      const columns = args.slice(1);
      const items = collection.items.filter((id) => !ctx.onlyItems?.length || ctx.onlyItems.includes(id));
      blocks.push({
        type: 'table',
        columns: columns.map((c) => collection.columns[c]!),
        rows: items.map((id) => columns.map((c) => inline(`${id}.${c}`))),
      });
    } else {
      const items = args.length === 1 && Array.isArray(use(args[0]!).value)
        ? (use(args[0]!).value as string[])
        : args.map((ref) => {
            const r = use(ref);
            return r.fact.label ? `${r.fact.label}: ${inline(ref)}` : inline(ref);
          });
      blocks.push({ type: 'list', ordered: kind === 'numbered', items: [...items] });
    }
  }
  return { blocks, sources, quotes: [...quotes] };
}
