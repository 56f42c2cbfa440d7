import type { Fact, KnowledgeBase } from '../engine/types.js';

/**
 * The checks behind "every sentence the bot says is on the page": each fact carries the page's
 * sentence(s) it comes from (`quote`), the quote is in the source file, the fact's numbers are in
 * its quote; and a fact is written once: no two facts say the same thing, and no answer or label
 * types what a fact holds instead of referencing it.
 */

/** Text as compared: typographic quotes straightened, whitespace collapsed, case and end punctuation ignored. */
export function normalized(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:;!?]+$/, '')
    .toLowerCase();
}

/** The texts a fact states: a sentence, each item of a list, each field of a record. */
function textsOf(fact: Fact): { path: string; text: string }[] {
  const v = fact.value;
  if (typeof v === 'string') return [{ path: fact.id, text: v }];
  if (typeof v === 'number') return [];
  if (Array.isArray(v)) return v.map((text, i) => ({ path: `${fact.id}.${i}`, text }));
  return Object.entries(v).map(([k, text]) => ({ path: `${fact.id}.${k}`, text }));
}

/** The numbers a text states, digits only ("$35,780" -> "35780", "$48k" -> "48000"). */
function numbersOf(text: string): string[] {
  return [...text.matchAll(/\d[\d,]*(?:\.\d+)?(k\b)?/gi)].map((m) => {
    const n = Number(m[0].replace(/,/g, '').replace(/k$/i, ''));
    return String(m[1] ? Math.round(n * 1000) : n);
  });
}

/**
 * Fidelity: every fact has a quote; each quote is in the file its source names (when `readSource`
 * finds it); every number the fact states is in its quote. Problems name the fact and what to do.
 */
export function checkFidelity(kb: KnowledgeBase, readSource: (ref: string) => string | undefined): string[] {
  const problems: string[] = [];
  const pages = new Map<string, string | undefined>();
  for (const fact of Object.values(kb.knowledge.facts)) {
    if (!fact.quote || fact.quote.length === 0) {
      problems.push(`fact "${fact.id}" has no quote: add \`quote:\` with the exact sentence(s) of its source it comes from`);
      continue;
    }
    const source = kb.knowledge.sources[fact.source];
    if (source) {
      if (!pages.has(source.ref)) {
        const text = readSource(source.ref);
        pages.set(source.ref, text === undefined ? undefined : normalized(text.replace(/^[ \t]*[•*-][ \t]*/gm, '')));
      }
      const page = pages.get(source.ref);
      if (page !== undefined) {
        for (const q of fact.quote) {
          if (!page.includes(normalized(q))) problems.push(`fact "${fact.id}": its quote "${q.slice(0, 80)}" is not in ${source.ref}: quote the page exactly, or update the fact from the page`);
        }
      }
    }
    const quoted = new Set(fact.quote.flatMap(numbersOf));
    const stated = typeof fact.value === 'number' ? [String(fact.value)] : textsOf(fact).flatMap((t) => numbersOf(t.text));
    for (const n of stated) {
      if (!quoted.has(n)) problems.push(`fact "${fact.id}" states ${n}, which its quote does not: a number must come from the page`);
    }
  }
  return problems;
}

/** Where an answer or a label types text, without its references. */
interface Typed {
  readonly where: string;
  readonly text: string;
  /** A label names things (a job title in "Coder vs. technician" is the topic's name); only records' fields and sentences count there. */
  readonly label?: boolean;
}

function typedTexts(kb: KnowledgeBase): Typed[] {
  const out: Typed[] = [];
  const literal = (t: string): string => t.replace(/\{\{[^{}]*\}\}/g, ' ');
  for (const intent of kb.intents) {
    out.push({ where: `intent "${intent.id}" label`, text: literal(intent.labelTemplate ?? intent.label), label: true }, { where: `intent "${intent.id}" answer`, text: literal(intent.answer) });
    for (const v of intent.variants) {
      if (v.label) out.push({ where: `variant "${v.id}" label`, text: literal(v.label), label: true });
      out.push({ where: `variant "${v.id}" answer`, text: literal(v.answer) });
    }
  }
  for (const g of kb.guides) out.push({ where: `guide "${g.id}" intro`, text: g.intro }, ...g.outcomes.map((o, i) => ({ where: `guide "${g.id}" outcome ${i + 1}`, text: o.lead })));
  for (const [k, v] of Object.entries(kb.notices)) out.push({ where: `notice "${k}"`, text: v });
  return out;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One fact, one place: two facts whose sentences are the same (normalised), and an answer, label,
 * guide or notice that types a fact's text (a sentence, a list item, a record field such as
 * "AHIMA") or a slash command's name instead of referencing it. Texts of a single short word
 * ("Coder") are words, not facts, and are not looked for.
 */
export function checkDuplicates(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  const facts = Object.values(kb.knowledge.facts);
  const seen = new Map<string, string>();
  for (const fact of facts) {
    for (const { path, text } of textsOf(fact)) {
      if (text.trim().split(/\s+/).length < 4) continue;
      // Two careers' pages may say the same sentence; one career's facts may not.
      const key = `${fact.career}|${normalized(text)}`;
      const first = seen.get(key);
      if (first && first.split('.').slice(0, 2).join('.') !== path.split('.').slice(0, 2).join('.')) problems.push(`facts "${first}" and "${path}" say the same thing ("${text.slice(0, 60)}"): keep one and reference it`);
      else if (!first) seen.set(key, path);
    }
  }
  // Words only, one space apart: a fact's text is typed when it stands between spaces in the padded text.
  const words = (text: string): string => normalized(text).replace(/[^\p{L}\p{N}/<>' -]+/gu, ' ').replace(/\s+/g, ' ').trim();
  const typed = typedTexts(kb).map((t) => ({ ...t, norm: ` ${words(t.text)} ` }));
  // A related title that is part of a covered career's name ("Laboratory Technician" of "Medical
  // Laboratory Technician") is typed wherever a template names that career: the career, not the fact.
  const names = kb.knowledge.careers.map((c) => ` ${words(c.title)} `);
  const wanted = facts.flatMap((fact) =>
    textsOf(fact)
      .filter(({ text }) => text.trim().split(/\s+/).length >= 2 || /^[A-Z][A-Z0-9-]{2,}$/.test(text.trim()))
      .filter(({ text }) => !names.some((name) => name.includes(` ${words(text)} `)))
      .map(({ path, text }) => ({ path, listItem: Array.isArray(fact.value), norm: words(text) })),
  );
  for (const t of typed) {
    for (const w of wanted) {
      if (t.label && w.listItem) continue;
      if (w.norm && t.norm.includes(` ${w.norm} `)) problems.push(`${t.where} types "${w.norm}", which fact "${w.path}" holds: reference it as {{${w.path}}}`);
    }
    for (const c of kb.commands) {
      if (new RegExp(`(^|[\\s\`(])${escapeRe(c.command)}\\b`).test(t.text)) problems.push(`${t.where} types the command ${c.command}: name the commands with {{commands}}`);
    }
  }
  return problems;
}
