import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { initialsOf } from '../../src/kb/import/generate.js';
import { pageLines, parseCareerPage } from '../../src/kb/import/page.js';
import { FIXTURES, productEngine } from '../helpers.js';
import { folders, load, run } from './import-helpers.js';

const fixture = (file: string) => readFileSync(join(FIXTURES, 'careers', file), 'utf8');

/** A fixture page with some text replaced, imported alone (or beside other fixture pages and the product). */
function importEdited(file: string, edit: (text: string) => string, beside: readonly string[] = []) {
  const f = folders(beside.length > 0);
  for (const other of beside) run(join(FIXTURES, 'careers', other), f);
  const path = join(f.dir, file);
  writeFileSync(path, edit(fixture(file)));
  run(path, f);
  const kb = load(f);
  return { kb, engine: createEngine(kb) };
}

// What a review of the fifth session's importer found (each failed before its fix).
describe('a review of the fifth session: HTML as browsers accept it', () => {
  it('A <head> left unclosed (HTML5 allows it) ends at <body>; </header> does not close it', () => {
    expect(pageLines('<html><head><title>x</title>\n<body><h1>How to Become a Paralegal</h1><p>They support attorneys.</p></body></html>')).toEqual(['How to Become a Paralegal', 'They support attorneys.']);
    expect(pageLines('<head><title>x</title><body><header><h1>How to Become a Paralegal</h1></header>')).toEqual(['How to Become a Paralegal']);
  });

  it('Only <nav> itself is navigation: <nav-tabs> is content, and an unclosed <nav> takes nothing after it', () => {
    expect(pageLines('<nav-tabs><h1>How to Become a Paralegal</h1></nav-tabs>')).toEqual(['How to Become a Paralegal']);
    expect(pageLines('<nav><a>Home</a><h1>How to Become a Paralegal</h1>')).toEqual(['Home', 'How to Become a Paralegal']);
    // A page of unclosed <nav>s is read in one pass.
    expect(pageLines(`<h1>How to Become a Welder</h1>${'<nav>'.repeat(100_000)}`)).toEqual(['How to Become a Welder']);
  });

  it("A title keeps its own dashes; a site's name after ' | ' or a dash is cut", () => {
    expect(parseCareerPage('How to Become a Heating - Cooling Tech\nText.').title).toBe('Heating - Cooling Tech');
    expect(parseCareerPage('How to Become a Paralegal - Northfield Career Center\nText.').title).toBe('Paralegal');
    expect(parseCareerPage('How to Become a Paralegal | Northfield\nText.').title).toBe('Paralegal');
  });

  it("A site's name in the page's header is no category", () => {
    expect(parseCareerPage('Northfield Career Center\nHow to Become a Paralegal\nText.').category).toBeUndefined();
    expect(parseCareerPage('Legal\nHow to Become a Paralegal\nText.').category).toBe('Legal');
  });

  it('A FAQ answer that begins "Here\'s how to get started:" is an answer, not the steps\' heading', () => {
    const p = parseCareerPage('How to Become a Welder\nText.\nFrequently Asked Questions\nWhere do I sign up?\nHere\'s how to get started: call a local program.\nIs it hard?\nSometimes.');
    expect(p.faq.map((f) => f.question)).toEqual(['Where do I sign up?', 'Is it hard?']);
  });

  it('Initials of a name in brackets are read in one pass, and initials alike on both sides are not written', () => {
    expect(initialsOf(`${'('.repeat(200_000)}a b`)).toHaveLength(1);
    const { kb } = importEdited('occupational-therapy-assistant.txt', (t) => t);
    const comparison = kb.intents.find((i) => /_vs_/.test(i.id))!;
    expect(comparison.utterances.some((u) => /\bota vs ota\b/.test(u))).toBe(false);
  });
});

describe('a review of the fifth session: topics and names', () => {
  it("A FAQ kind's phrasings go by the FAQ's question: a training FAQ's \"120 hours\" gets no schedule phrasings", () => {
    const { engine } = importEdited('certified-nursing-assistant.txt', (t) => t.replace('Will I work nights or weekends?', 'How long is the training?\n\nMost programs take about 120 hours, spread over a few weeks.\n\nWill I work nights or weekends?'));
    expect(engine.decide('do i have to work nights')).toMatchObject({ kind: 'answer', intent: 'faq.will_i_work_nights_or_weekends' });
  });

  it('A second comparison FAQ is a FAQ of its own, never the patient-care topic', () => {
    const { kb } = importEdited('certified-nursing-assistant.txt', (t) =>
      t.replace('Is this a hands-on job working directly with patients?', 'What is the difference between a CNA and an LPN?\n\nAn LPN has a year of nursing school and can give medications; a CNA helps with daily care.\n\nIs this a hands-on job working directly with patients?'),
    );
    expect(String(kb.knowledge.facts['role.patient_care']?.value)).toMatch(/^Yes, very much so/);
  });

  it('A certification named like an occupation ("Certified Medical Assistant") leaves that occupation another occupation', () => {
    const { engine } = importEdited(
      'phlebotomist.txt',
      (t) => t.replace('Phlebotomist Certifications\n', 'Phlebotomist Certifications\n\nCertified Medical Assistant (CMA):\n\nOffered by the Allied Health Credentials Board, this is useful if you later want to work as a medical assistant.\n'),
      ['welder.txt'],
    );
    expect(engine.decide('how much does a medical assistant make')).toMatchObject({ kind: 'fallback', occupation: 'Medical Assistants' });
  });

  it('A category only one career has ("Animal Care") is its word: "do i get to work with animals all day" is asked of the vet technician', () => {
    const { engine } = importEdited('veterinary-technician.txt', (t) => t, ['welder.txt', 'paralegal.html']);
    const d = engine.decide('do i get to work with animals all day');
    expect(d.kind).not.toBe('fallback');
    expect(d.intent).toMatch(/^veterinary-technician\./);
  });

  it('The lexicon\'s situation words leave the product\'s out-of-scope questions out: "do i need a background check", "is it full-time"', () => {
    for (const q of ['do i need a background check', 'is it full-time']) expect(productEngine().decide(q), q).toMatchObject({ kind: 'fallback' });
  });
});

describe('the last two blind pages of the fifth session', () => {
  it("A FAQ's id keeps its whole question (up to 80 characters): \"faq.will_i_have_to_work_nights_weekends_or_be_on_call\"", () => {
    const { kb } = importEdited('cardiovascular-technologist.txt', (t) => t);
    expect(kb.intents.map((i) => i.id)).toContain('faq.will_i_have_to_work_nights_weekends_or_be_on_call');
  });

  it('"Medical billing specialist" is O*NET\'s billing and posting clerks: its own career when imported, another occupation to the records specialist', () => {
    const { kb, engine } = importEdited('medical-billing-specialist.txt', (t) => t);
    expect(kb.knowledge.career.soc).toEqual(['43-3021.00']);
    expect(engine.decide('tell me about being a medical biller')).toMatchObject({ kind: 'answer' });
    expect(productEngine().decide('how much does a medical billing specialist make')).toMatchObject({ kind: 'fallback', occupation: 'Billing and Posting Clerks' });
  });
});
