import { readdirSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDuplicates, checkFidelity } from '../../src/kb/fidelity.js';
import { sourceReader } from '../../src/kb/sources.js';
import { importCareerPage } from '../../src/kb/import/write.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import type { Fact, Intent, KnowledgeBase } from '../../src/engine/types.js';
import { decisionText } from '../../src/render/plain-text.js';
import { FIXTURES, ROOT, productEngine } from '../helpers.js';

const engine = productEngine();
const kb = engine.kb;
const readSource = sourceReader(join(ROOT, 'knowledge'));

/** The product's knowledge base with one fact replaced. */
const withFact = (id: string, change: Partial<Fact>): KnowledgeBase => ({
  ...kb,
  knowledge: { ...kb.knowledge, facts: { ...kb.knowledge.facts, [id]: { ...kb.knowledge.facts[id]!, ...change } } },
});
/** The product's knowledge base with one intent's answer or label replaced. */
const withIntent = (id: string, change: Partial<Intent>): KnowledgeBase => ({ ...kb, intents: kb.intents.map((i) => (i.id === id ? { ...i, ...change } : i)) });

describe('Fidelity: every fact quotes its page', () => {
  it('the product passes: every fact has a quote, each quote is in the seed page, every number is in its quote', () => {
    expect(readSource('shared/seed/medical-records-specialist.txt')).toContain('How to Become a Medical Records Specialist');
    expect(checkFidelity(kb, readSource)).toEqual([]);
  });

  it('a fact without a quote is named', () => {
    const { quote: _q, ...bare } = kb.knowledge.facts['career.growth']!;
    const broken: KnowledgeBase = { ...kb, knowledge: { ...kb.knowledge, facts: { ...kb.knowledge.facts, 'career.growth': bare } } };
    expect(checkFidelity(broken, readSource)).toEqual([expect.stringContaining('fact "career.growth" has no quote')]);
  });

  it('a quote the page does not have is named, with the file', () => {
    const problems = checkFidelity(withFact('role.fit', { quote: ['If you love blood, this is your path in.'] }), readSource);
    expect(problems).toEqual([expect.stringMatching(/fact "role.fit": its quote "If you love blood.*" is not in shared\/seed\/medical-records-specialist.txt/)]);
  });

  it('a number the quote does not state is named: a salary changed by hand fails', () => {
    const problems = checkFidelity(withFact('salary.entry', { value: 38000 }), readSource);
    expect(problems).toEqual([expect.stringContaining('fact "salary.entry" states 38000, which its quote does not')]);
  });

  it('typography and layout do not count: curly quotes, bullets and line breaks match their plain forms', () => {
    expect(checkFidelity(withFact('role.fit', { quote: ["If you're tech-savvy, enjoy structure, and prefer behind-the-scenes work in healthcare, this could be your path in"] }), readSource)).toEqual([]);
  });

  it('without the source file at hand the quotes are trusted, and the numbers still checked', () => {
    expect(checkFidelity(kb, () => undefined)).toEqual([]);
    expect(checkFidelity(withFact('salary.median', { value: 1 }), () => undefined)).toHaveLength(1);
  });
});

describe('One fact, one place', () => {
  it('the product passes', () => {
    expect(checkDuplicates(kb)).toEqual([]);
  });

  it('two facts of one career saying the same sentence are both named', () => {
    const problems = checkDuplicates(withFact('training.programs', { value: kb.knowledge.facts['training.degree']!.value }));
    expect(problems).toEqual([expect.stringMatching(/facts "training.degree" and "training.programs" say the same thing/)]);
  });

  it('an answer that types a fact\'s text ("AHIMA") instead of referencing it is named with the fact', () => {
    const problems = checkDuplicates(withIntent('certs.rhit', { answer: 'The RHIT comes from AHIMA.' }));
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('intent "certs.rhit" answer types "ahima", which fact "certs.rhit.issuer" holds: reference it as {{certs.rhit.issuer}}')]));
  });

  it('a label that types an acronym is named; a label that references it is filled in and passes', () => {
    expect(checkDuplicates(withIntent('certs.cpc', { label: 'CPC', labelTemplate: undefined as never }))).toEqual([expect.stringContaining('intent "certs.cpc" label types "cpc"')]);
    expect(kb.intents.find((i) => i.id === 'certs.cpc')!.label).toBe('CPC');
  });

  it('a sentence names another fact instead of repeating it: step 4 lists the first jobs by reference, filled in on load', () => {
    const raw = readFileSync(join(ROOT, 'knowledge', 'medical-records-specialist.yaml'), 'utf8');
    expect(raw).toContain('look for roles like {{training.entry_jobs}} to get your foot in the door');
    expect((kb.knowledge.facts['training.steps']!.value as string[])[3]).toBe('Apply for entry-level positions: look for roles like records clerk, coder and EHR technician to get your foot in the door.');
    // The list itself, and the page's sentence quoted by the step and by the list (quotes repeat the page; values do not).
    expect(raw.match(/EHR technician/g)).toHaveLength(3);
  });

  it('a slash command typed into an answer is named: commands are named with {{commands}}', () => {
    const problems = checkDuplicates(withIntent('chat.help', { answer: 'Try `/salary` in Slack.' }));
    expect(problems).toEqual([expect.stringContaining('types the command /salary')]);
    expect(decisionText(engine.decideIntents(['chat.help']))).toContain('/certs, /salary and /faq <question>');
  });
});

describe('Every answer the product can give', () => {
  const numbersIn = (text: string): string[] => [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => m[0].replace(/,/g, ''));
  const known = new Set(Object.values(kb.knowledge.facts).flatMap((f) => (typeof f.value === 'number' ? [String(f.value)] : numbersIn(JSON.stringify(f.value)))));

  it('states no number the knowledge base does not hold (every intent and variant rendered)', () => {
    const ids = kb.intents.flatMap((i) => [i.id, ...i.variants.map((v) => v.id)]);
    expect(ids.length).toBeGreaterThan(25);
    for (const id of ids) {
      // A numbered list's "1." is the list's, not a figure.
      const text = decisionText(engine.decideIntents([id])).replace(/^\s*\d+\.\s/gm, '');
      for (const n of numbersIn(text)) expect({ id, n, known: known.has(n) }).toEqual({ id, n, known: true });
    }
  });

  it('the privacy notice makes no legal claim the page does not make', () => {
    expect(kb.notices.privacy).not.toMatch(/HIPAA applies/);
  });
});

describe('Imported pages quote themselves', () => {
  it('an imported page\'s facts carry its lines as quotes and pass both checks, text and HTML alike', () => {
    for (const page of ['pharmacy-technician.txt', 'pharmacy-technician.html']) {
      const dir = mkdtempSync(join(tmpdir(), 'faqbot-fidelity-'));
      for (const d of ['knowledge', 'intents']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
      const dirs = { knowledgeDir: join(dir, 'knowledge'), intentsDir: join(dir, 'intents'), minUtterances: 12 };
      importCareerPage({ page: join(FIXTURES, 'careers', page), ...dirs, productIntentsDir: join(ROOT, 'intents'), today: '2026-11-26' });
      const imported = loadKnowledgeBase(dirs);
      expect(imported.knowledge.facts['pharmacy-technician.salary.entry']!.quote).toEqual(['Entry Level: $31,240']);
      expect(readFileSync(join(dirs.knowledgeDir, 'pharmacy-technician.yaml'), 'utf8')).toContain('quote:');
      expect(checkFidelity(imported, sourceReader(dirs.knowledgeDir))).toEqual([]);
      expect(checkDuplicates(imported)).toEqual([]);
    }
  });

  it('every fixture page imported beside the product passes both checks, a related title that is part of the career\'s name ("Laboratory Technician") included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-fidelity-'));
    for (const d of ['knowledge', 'intents']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
    const dirs = { knowledgeDir: join(dir, 'knowledge'), intentsDir: join(dir, 'intents'), minUtterances: 12 };
    const pages = readdirSync(join(FIXTURES, 'careers')).filter((f) => f.endsWith('.txt'));
    for (const page of pages) importCareerPage({ page: join(FIXTURES, 'careers', page), ...dirs, productIntentsDir: join(ROOT, 'intents'), today: '2026-11-26' });
    const imported = loadKnowledgeBase(dirs);
    expect(imported.knowledge.careers.length).toBe(pages.length + 1);
    expect(checkFidelity(imported, sourceReader(dirs.knowledgeDir))).toEqual([]);
    expect(checkDuplicates(imported)).toEqual([]);
  });
});
