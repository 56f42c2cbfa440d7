import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { evaluate, parseLabelled } from '../../src/eval/evaluate.js';
import { parseCareerPage, pageLines } from '../../src/kb/import/page.js';
import { productsOf } from '../../src/kb/import/facts.js';
import { importCareerPage } from '../../src/kb/import/write.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { FIXTURES, ROOT, SHARED } from '../helpers.js';
import { askPage, folders, importAlone, load, PHARMACY, run, SEED } from './import-helpers.js';

describe.runIf(existsSync(SEED))('importing the seed page into empty folders', () => {
  const f = folders();
  const report = run(SEED, f);

  it('writes the career and the career-neutral starter files, and the result validates', () => {
    expect(report).toMatchObject({ career: 'medical-records-specialist', prefix: '', missing: [], unread: [] });
    expect(readdirSync(f.intentsDir).sort()).toEqual(['chat.yaml', 'lexicon.yaml', 'medical-records-specialist.yaml', 'none.yaml', 'notices.yaml', 'occupations.yaml']);
    expect(() => load(f)).not.toThrow();
  });

  it("reproduces today's facts: the same ids, and the page's own words where today's were not edited by hand", () => {
    const today = loadKnowledgeBase({ knowledgeDir: join(ROOT, 'knowledge'), intentsDir: join(ROOT, 'intents'), minUtterances: 12 }).knowledge.facts;
    const imported = load(f).knowledge.facts;
    const identical = Object.keys(today).filter((id) => JSON.stringify(imported[id]?.value) === JSON.stringify(today[id]!.value));
    expect(identical.length).toBeGreaterThanOrEqual(15);
    for (const id of ['role.duties', 'role.titles', 'salary.entry', 'salary.median', 'salary.experienced', 'training.degree', 'role.patient_care', 'career.growth']) expect(identical).toContain(id);
    expect(Object.keys(imported).every((id) => id in today)).toBe(true);
  });

  it('a second import of the same page changes nothing', () => {
    const before = readFileSync(join(f.knowledgeDir, 'medical-records-specialist.yaml'), 'utf8');
    const again = importCareerPage({ page: SEED, knowledgeDir: f.knowledgeDir, intentsDir: f.intentsDir, productIntentsDir: join(ROOT, 'intents'), minUtterances: 12, today: '2027-01-15' });
    expect(again.changed).toEqual([]);
    expect(readFileSync(join(f.knowledgeDir, 'medical-records-specialist.yaml'), 'utf8')).toBe(before);
  });

  it('answers the dev set with no hand-written utterance of the career: >= 0.90 in scope and out of scope', () => {
    const dev = join(SHARED, 'eval', 'dev.jsonl');
    const engine = createEngine(load(f));
    const r = evaluate(parseLabelled(readFileSync(dev, 'utf8'), dev), (t) => engine.decide(t));
    expect(r.inScopeAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(r.oosRecall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('reading career pages', () => {
  it('Software by name: the products a page names after "like" or "such as" become examples of its software topic', () => {
    expect(productsOf('Common tools include electronic health records (EHR) systems like Epic or Cerner, along with coding databases.')).toEqual(['Epic', 'Cerner']);
    expect(productsOf('Common tools include instrument tracking systems like CensiTrac, surgical scheduling software, and electronic health records (EHR) such as Epic for documenting counts.')).toEqual(['CensiTrac', 'Epic']);
    // Only after a kind of software; one capitalised word of three letters or more; a few at most.
    expect(productsOf('Large hospitals such as Mercy General hire them. Tools like In-house ones, or like You.')).toEqual([]);
    expect(productsOf(`systems like ${Array.from({ length: 50_000 }, (_, i) => `Tool${i}`).join(', ')}.`)).toHaveLength(8);
    const { engine } = importAlone('phlebotomist');
    expect(engine.decide('whats drawledger')).toMatchObject({ kind: 'answer', intent: 'role.software' });
  });

  it('the HTML page gives the text page\'s facts: scripts, styles and navigation never become answers', () => {
    const text = parseCareerPage(readFileSync(PHARMACY, 'utf8'));
    const html = parseCareerPage(readFileSync(join(FIXTURES, 'careers', 'pharmacy-technician.html'), 'utf8'));
    expect({ ...html, unread: [] }).toEqual({ ...text, unread: [] });
    expect(JSON.stringify(html)).not.toMatch(/function|addEventListener|\{ *color/);
  });

  it('entities are decoded and bullets of every kind are read', () => {
    expect(pageLines('<ul><li>A &amp; B</li></ul><p>It&rsquo;s</p>\n- c\n* d')).toEqual(['• A & B', "It's", '• c', '• d']);
  });

  it('a certification\'s issuer is read however the page names it: "the", linking words, an acronym in brackets', () => {
    const page = (line: string) =>
      parseCareerPage(`Health\nHow to Become a Scrub Nurse\nScrub nurses assist surgeons.\nCertifications\nOperating Room Credential (ORC):\n${line}\n`).certifications[0]?.issuer;
    expect(page('Offered by AAPC, this is the best known.')).toBe('AAPC');
    expect(page('Offered by the National Guild of Surgical Practice (NGSP), this is widely asked for.')).toBe('National Guild of Surgical Practice (NGSP)');
    expect(page('Also from the ACPC, this is a first step.')).toBe('ACPC');
    expect(page('This is for newcomers from any background.')).toBeUndefined();
    expect(page('OFFERED BY NPTA, this is the best known.')).toBe('NPTA');
    expect(page('Offered By the Guild of Scrubs, this is the best known.')).toBe('Guild of Scrubs');
  });

  it('a certification line of 300 KB with no comma keeps its words: the issuer clause is found by index (the old pattern backtracked for ~4 s)', () => {
    const line = `Offered by ${'from of '.repeat(40_000)}x`;
    const p = parseCareerPage(`Trades\nHow to Become a Welder\nWelders join metal.\nCertifications\nWelding Cert (WC):\n${line}\n`);
    expect(p.certifications[0]!.summary).toBe(line);
    expect(parseCareerPage('Trades\nHow to Become a Welder\nWelders join metal.\nCertifications\nWelding Cert (WC):\nOffered by AWS, this is the best known.\n').certifications[0]!.summary).toBe('the best known');
  });

    it('a certification named after the career is read as one, not skipped as a banner repeating the career\'s name', () => {
    const p = parseCareerPage('Health\nHow to Become a Dental Assistant\nDental assistants help dentists.\nDental Assistant Job Overview\nCertifications\nRegistered Chairside Dental Assistant (RCDA):\nOffered by the National Board of Dental Staff (NBDS), this is the best known.\n');
    expect(p.certifications.map((c) => [c.acronym, c.issuer])).toEqual([['RCDA', 'National Board of Dental Staff (NBDS)']]);
    expect(p.unread).toEqual([]);
  });

    it('a page missing parts imports what it has and names the rest', () => {
    const p = parseCareerPage('Trades\nHow to Become a Welder\nWelders join metal. If you like fire, this could be for you.\nSalary Information\n  • Entry Level: $40,000\n');
    expect(p.title).toBe('Welder');
    expect(p.salaries).toEqual([{ label: "Entry Level", value: 40000, line: "Entry Level: $40,000" }]);
    expect(p.missing).toEqual(['job duties', 'training', 'training steps', 'FAQ pairs', 'certifications']);
  });
});

describe('a partial page into empty folders', () => {
  it('imports what it has: small talk copied beside it keeps only follow-ups to topics the page has, and the folders validate', () => {
    const f = folders();
    const page = join(f.dir, 'partial.txt');
    writeFileSync(page, 'Trades\nHow to Become a Welder\nWelders join metal. If you like fire, this could be for you.\nSalary Information\n  • Entry Level: $40,000\n');
    const report = run(page, f);
    expect(report.missing).toEqual(['job duties', 'training', 'training steps', 'FAQ pairs', 'certifications']);
    const kb = load(f);
    const ids = new Set(kb.intents.map((i) => i.id));
    expect(kb.intents.flatMap((i) => i.followUps).every((id) => ids.has(id))).toBe(true);
    expect(createEngine(kb).decide('how much does a welder make')).toMatchObject({ kind: 'answer', intent: 'salary' });
  });

  it('imports the page again with a part removed, then restored: small talk\'s follow-ups follow the topics each time', () => {
    const f = folders();
    const full = join(f.dir, 'full.txt');
    const less = join(f.dir, 'less.txt');
    writeFileSync(full, 'Trades\nHow to Become a Welder\nWelders join metal. If you like fire, this could be for you.\nSalary Information\n  • Entry Level: $40,000\n');
    writeFileSync(less, 'Trades\nHow to Become a Welder\nWelders join metal. If you like fire, this could be for you.\n');
    run(full, f);
    run(less, f);
    expect(load(f).intents.flatMap((i) => i.followUps)).not.toContain('salary');
    run(join(FIXTURES, 'careers', 'welder.txt'), f);
    expect(readFileSync(join(f.intentsDir, 'chat.yaml'), 'utf8')).toBe(readFileSync(join(ROOT, 'intents', 'chat.yaml'), 'utf8'));
  });

  it('O*NET codes: a coordinated title names each of its occupations ("Licensed Practical and Licensed Vocational Nurses"), but a title\'s qualifiers and lone words do not', () => {
    const socFor = (title: string) => {
      const f = folders();
      const page = join(f.dir, 'p.txt');
      writeFileSync(page, `Healthcare\nHow to Become a ${title}\nOne sentence about the job.\nSalary Information\n  • Entry Level: $30,000\n`);
      run(page, f);
      return load(f).knowledge.career.soc;
    };
    expect(socFor('Licensed Practical Nurse')).toEqual(['29-2061.00']);
    expect(socFor('Medical Laboratory Technician')).toEqual(['29-2012.00']);
    expect(socFor('Welder')).toContain('51-4121.00');
    // "Veterinary Technologists and Technicians": a later one-word part takes the first part's modifiers.
    expect(socFor('Veterinary Technician')).toEqual(['29-2056.00']);
    // "First-Line Supervisors of Farming, Fishing, and Forestry Workers"; "Credit Authorizers, Checkers, and Clerks".
    expect(socFor('Fishing Worker')).toEqual([]);
    expect(socFor('Clerk')).toEqual([]);
  });
});

describe('bad pages: a clear error, and nothing half-written', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['an empty file', '', /the page is empty/],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /binary file/],
    ['a 5 MB page', `How to Become a Giant\n${'x'.repeat(5 * 1024 * 1024)}`, /at most 1048576/],
    ['a page without a title', 'Healthcare\nSome career\nJob Duties\n  • things', /no title/],
  ];
  it.each(cases)('%s is refused, and the folders are left as they were', (_name, content, error) => {
    const f = folders(true);
    const page = join(f.dir, 'page.txt');
    writeFileSync(page, content);
    const before = [...readdirSync(f.knowledgeDir), ...readdirSync(f.intentsDir)].sort();
    expect(() => run(page, f)).toThrow(error);
    expect([...readdirSync(f.knowledgeDir), ...readdirSync(f.intentsDir)].sort()).toEqual(before);
  });
});

describe('a second career beside the product', () => {
  it('takes its own prefix, keeps the product\'s ids, and answers questions about it written apart from the page', () => {
    const f = folders(true);
    const r = run(PHARMACY, f);
    expect(r.prefix).toBe('pharmacy-technician.');
    const kb = load(f);
    expect(kb.intents.map((i) => i.id)).toEqual(expect.arrayContaining(['salary', 'certs.cpc', 'pharmacy-technician.salary', 'pharmacy-technician.certs.cdt']));
    expect(kb.knowledge.careers.find((c) => c.id === 'pharmacy-technician')!.soc).toEqual(['29-2052.00']);
    const engine = createEngine(kb);
    const file = join(FIXTURES, 'careers', 'pharmacy-technician.questions.jsonl');
    const score = evaluate(parseLabelled(readFileSync(file, 'utf8'), file), (t) => engine.decide(t));
    // Read 0.521 / 0.900 when first asked, 0.854 / 1.000 now (see the README).
    expect(score.inScopeAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(score.oosRecall).toBeGreaterThanOrEqual(0.9);
  });

  it('a third page, with questions written blind by someone who never saw the engine, is answered as well', () => {
    const { score } = askPage('phlebotomist');
    // Read 0.632 / 1.000 blind, 0.789 / 1.000 after the changes its misses suggested (see the README).
    expect(score.inScopeAccuracy).toBeGreaterThanOrEqual(0.75);
    expect(score.oosRecall).toBeGreaterThanOrEqual(0.9);
  });

  it('a fourth page written blind is never answered with the other career\'s facts: a question naming no career is asked "Which career?"', () => {
    const { score, otherCareer } = askPage('surgical-technologist');
    expect(otherCareer).toEqual([]);
    // Read blind 0.509 / 1.000, with 18 of the 27 misses asked "Which career?" (see the README); 0.455
    // since the fifth session: one question asked back leads with the records specialist's titles, and
    // two more are asked "Which career?" since a word a page uses once no longer picks its career.
    expect(score.inScopeAccuracy).toBeGreaterThanOrEqual(0.45);
    expect(score.inScopeAccuracy + score.askedBack / score.inScope).toBeGreaterThanOrEqual(0.8);
    expect(score.oosRecall).toBeGreaterThanOrEqual(0.9);
  });

  it('a fifth page written blind: never the other career\'s facts; an occupation its own page names does not turn a question about it away', () => {
    const { engine, score, otherCareer } = askPage('dental-assistant');
    expect(otherCareer).toEqual([]);
    // Read blind 0.707 / 1.000 (see the README); 0.759 after the changes it showed.
    expect(score.inScopeAccuracy).toBeGreaterThanOrEqual(0.74);
    expect(score.oosRecall).toBeGreaterThanOrEqual(0.9);
    // The page names dentists and hygienists: asked with the career, they are its questions; asked alone, another occupation's.
    expect(engine.decide('dental assistant vs dentist salary').intent).toBe('dental-assistant.salary');
    expect(engine.decide('how much does a dental hygienist make')).toMatchObject({ kind: 'fallback', occupation: 'Dental Hygienists' });
  });

  it('a sixth page written blind, a neighbouring career with shared words (medical assistant), is answered for itself and never with the records specialist\'s facts', () => {
    const { score, otherCareer } = askPage('medical-assistant');
    expect(otherCareer).toEqual([]);
    // Read blind 0.857 / 1.000 at the end of the day (see the README).
    expect(score.inScopeAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(score.oosRecall).toBeGreaterThanOrEqual(0.9);
  });

  it('Initials: "MA" and "DA" name the career they stand for when the bot covers it, even where its examples never use them', () => {
    const assistant = askPage('medical-assistant').engine;
    expect(assistant.decide('MA pay?')).toMatchObject({ kind: 'answer', intent: 'medical-assistant.salary' });
    expect(assistant.decide('do i have to be certified to work as an MA')).toMatchObject({ kind: 'answer', intent: 'medical-assistant.certs.overview' });
    const dental = askPage('dental-assistant').engine;
    expect(dental.decide('what is the median pay for DAs')).toMatchObject({ kind: 'answer', intent: 'dental-assistant.salary.median' });
  });

  it('A place of work is not the occupation asked about: "a dentist\'s office" leaves a dental assistant\'s question in scope; "a dentist\'s salary" still falls back', () => {
    const { engine } = askPage('dental-assistant');
    expect(engine.decide("can i get a job at a dentist's office as an assistant with no experience")).toMatchObject({ kind: 'answer', intent: 'dental-assistant.training.entry_jobs' });
    expect(engine.decide("what is a dentist's salary")).toMatchObject({ kind: 'fallback', occupation: 'Dentists, General' });
    // The notice names the occupation as people say it, without O*NET's qualifier.
    expect(engine.decide("what is a dentist's salary")).toHaveProperty('notice', expect.stringContaining('For dentists, an advisor'));
  });
});

describe('a seventh page written blind (respiratory therapist), measured once before the changes it showed', () => {
  it('is never answered with the records specialist\'s facts, and another occupation its comparison names is not answered for', () => {
    const { engine, score, otherCareer } = askPage('respiratory-therapist');
    expect(otherCareer).toEqual([]);
    // Read blind 0.531 / 0.900 (16 more asked "Which career?"); 0.547 / 1.000 after (see the README).
    expect(score.inScopeAccuracy + score.askedBack / score.inScope).toBeGreaterThanOrEqual(0.78);
    expect(score.oosRecall).toBeGreaterThanOrEqual(0.9);
    // A comparison has two sides: the career and the other occupation, or a word that compares.
    expect(engine.decide('difference between a resp therapist and a pulmonologist')).toMatchObject({ kind: 'answer', intent: 'respiratory-therapist.role.therapist_vs_pulmonologist' });
    expect(engine.decide('what does a pulmonologist get paid')).toMatchObject({ kind: 'fallback', occupation: 'Physicians and Surgeons, All Other' });
  });

  it('Abbreviations: a covered career\'s name with a word cut short ("resp therapist") names it', () => {
    const { engine } = askPage('respiratory-therapist');
    expect(engine.decide('entry level resp therapist salary')).toMatchObject({ kind: 'answer', intent: 'respiratory-therapist.salary.entry' });
  });
});

describe('an eighth page written blind, a career outside healthcare (welder), measured once with the code as it stands', () => {
  it('imports, is never answered with the records specialist\'s facts, and its off-topic questions fall back', () => {
    const { score, otherCareer } = askPage('welder');
    expect(otherCareer).toEqual([]);
    // Read blind 0.524 / 1.000 beside the product, 15 more asked "Which career?" and 2 given the records
    // specialist's answers (words only its facts use: "supervisor" from "super", "never"); those two are
    // now asked "Which career?". Alone 0.762 / 1.000 (see the README).
    expect(score.inScopeAccuracy + score.askedBack / score.inScope).toBeGreaterThanOrEqual(0.75);
    expect(score.oosRecall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a ninth page written blind (physical therapist assistant), measured once before the changes it showed', () => {
  it('is never answered with the records specialist\'s facts, and its off-topic questions fall back', () => {
    const { score, otherCareer } = askPage('physical-therapist-assistant');
    expect(otherCareer).toEqual([]);
    // Read blind 0.413 / 1.000 beside the product (21 more asked "Which career?"), 0.762 / 1.000 alone,
    // with six labels renamed to the importer's ids; 0.508 and 0.841 after (see the README).
    expect(score.inScopeAccuracy + score.askedBack / score.inScope).toBeGreaterThanOrEqual(0.8);
    expect(score.oosRecall).toBeGreaterThanOrEqual(0.9);
  });

  it('A privacy FAQ is the privacy topic, answered in the page\'s words, with the laws it names but not the career\'s own initials', () => {
    const { engine } = askPage('physical-therapist-assistant');
    const d = engine.decide('do physical therapist assistants have to follow privacy rules');
    expect(d).toMatchObject({ kind: 'answer', intent: 'physical-therapist-assistant.role.privacy' });
    expect(JSON.stringify(d.kind === 'answer' && d.answers[0]!.blocks)).toContain('you must follow HIPAA privacy rules');
    expect(engine.decide('do physical therapist assistants need to know hipaa')).toMatchObject({ kind: 'answer', intent: 'physical-therapist-assistant.role.privacy' });
    expect(engine.decide('what is pta')).not.toMatchObject({ intent: 'physical-therapist-assistant.role.privacy' });
  });

  it('First jobs: a last step that names places rather than roles still answers "what jobs can I get first"', () => {
    const { engine } = askPage('physical-therapist-assistant');
    const d = engine.decide('entry level physical therapist assistant jobs');
    expect(d).toMatchObject({ kind: 'answer', intent: 'physical-therapist-assistant.training.entry_jobs' });
    expect(JSON.stringify(d.kind === 'answer' && d.answers[0]!.blocks)).toContain('skilled nursing facilities');
  });

  it('Starter certification: "which cert should a new PTA get first" is the certifications overview naming the one the page calls a start (as the product answers it), the others stay themselves', () => {
    const { engine } = askPage('physical-therapist-assistant');
    const d = engine.decide('easiest cert for a new PTA');
    expect(d).toMatchObject({ kind: 'answer', intent: 'physical-therapist-assistant.certs.overview.beginner' });
    // The answer opens with the starter certification, then every certification and what it is for.
    const text = JSON.stringify(d.kind === 'answer' && d.answers[0]!.blocks);
    expect(text.indexOf('FRSC')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('FRSC')).toBeLessThan(text.indexOf('ORAS'));
    expect(engine.decide('which certification should a new physical therapist assistant get first')).toMatchObject({ intent: 'physical-therapist-assistant.certs.overview.beginner' });
    expect(engine.decide('best first cert for someone new to phlebotomy')).not.toMatchObject({ intent: expect.stringMatching(/^physical-therapist-assistant\./) });
    expect(engine.decide('what is the ORAS credential for physical therapist assistants')).toMatchObject({ kind: 'answer', intent: 'physical-therapist-assistant.certs.oras' });
  });

  it('A certification named in the titles with its initials is the certification, not the occupation its words resemble', () => {
    const { engine } = askPage('physical-therapist-assistant');
    expect(engine.decide('tell me about Certified Rehabilitation Therapy Assistant')).toMatchObject({ kind: 'answer', intent: 'physical-therapist-assistant.certs.crta' });
    expect(engine.decide('how much does a PTA make')).toMatchObject({ kind: 'answer', intent: 'physical-therapist-assistant.salary' });
    // Saying little but the short name, the question is matched as if it gave the title.
    expect(engine.decide('what does a PTA do')).toMatchObject({ kind: 'answer', intent: expect.stringMatching(/^physical-therapist-assistant\.role\.(overview|duties)$/) });
  });
});

describe('a tenth page written blind (emergency medical technician), measured once after the fourth session\'s changes', () => {
  it('is never answered with the records specialist\'s facts, and its off-topic questions fall back', () => {
    const { score, otherCareer } = askPage('emergency-medical-technician');
    expect(otherCareer).toEqual([]);
    // Read blind 0.825 / 0.900 beside the product (3 more asked "Which career?"), 0.889 / 0.800 alone,
    // with three comparison labels renamed to the importer's id (see the README).
    expect(score.inScopeAccuracy + score.askedBack / score.inScope).toBeGreaterThanOrEqual(0.85);
    expect(score.oosRecall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('an eleventh page written blind (medical laboratory technician), measured once before the changes it showed', () => {
  const { kb, engine } = importAlone('medical-laboratory-technician');

  it('A coordinated O*NET title ("Medical and Clinical Laboratory Technicians") is the career\'s own: "lab tech" and "MLT" name it', () => {
    expect(kb.knowledge.career.soc).toContain('29-2012.00');
    expect(engine.decide('mlt salary')).toMatchObject({ kind: 'answer', intent: 'salary' });
    expect(engine.decide('whats the pay range for a lab tech')).toMatchObject({ kind: 'answer', intent: 'salary' });
  });

  it('A first job the page names ("start as a phlebotomist") is another occupation, never the career: its pay is not the career\'s', () => {
    expect(engine.decide('what does a phlebotomist earn per hour')).toMatchObject({ kind: 'fallback', occupation: 'Phlebotomists' });
  });

  it('Two careers named, one by a short form ("phlebotomist vs lab tech whats the diff"): the two careers side by side', () => {
    const both = folders(true);
    run(join(FIXTURES, 'careers', 'phlebotomist.txt'), both);
    run(join(FIXTURES, 'careers', 'medical-laboratory-technician.txt'), both);
    const d = createEngine(load(both)).decide('phlebotomist vs lab tech whats the diff');
    expect(d.kind === 'answer' && d.answers.map((a) => JSON.stringify(a.blocks[0]))).toEqual([
      expect.stringContaining('*Medical Laboratory Technician*'),
      expect.stringContaining('*Phlebotomist*'),
    ]);
  });

  it('beside the product: never the records specialist\'s facts, and its figures hold', () => {
    const { score, otherCareer } = askPage('medical-laboratory-technician');
    expect(otherCareer).toEqual([]);
    // Read blind 0.667 / 0.900 beside the product, 0.697 / 0.900 alone; 0.848 and 0.864 after (see the README).
    expect(score.inScopeAccuracy + score.askedBack / score.inScope).toBeGreaterThanOrEqual(0.85);
    expect(score.oosRecall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a twelfth page written blind (HVAC technician), measured once before the changes it showed', () => {
  const { kb, engine } = importAlone('hvac-technician');

  it('A career named by a short form people type ("hvac tech") gets that occupation\'s code, so the short form names it', () => {
    expect(kb.knowledge.career.soc).toContain('49-9021.01');
    expect(engine.decide('how much does an hvac tech make')).toMatchObject({ kind: 'answer', intent: 'salary' });
  });

  it('A FAQ about safety and compliance rules is the rules topic, without the privacy phrasings', () => {
    expect(kb.intents.find((i) => i.id === 'role.privacy')?.label).toBe('Rules and compliance');
    expect(engine.decide('what safety rules do hvac techs have to follow')).toMatchObject({ kind: 'answer', intent: 'role.privacy' });
  });

  it('beside the product: never the records specialist\'s facts, and its figures hold', () => {
    const { score, otherCareer } = askPage('hvac-technician');
    expect(otherCareer).toEqual([]);
    // Read blind 0.714 / 1.000 beside the product, 0.762 / 1.000 alone; 0.810 and 0.857 after (see the README).
    expect(score.inScopeAccuracy + score.askedBack / score.inScope).toBeGreaterThanOrEqual(0.8);
    expect(score.oosRecall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a thirteenth page written blind (veterinary technician), measured once at the end of the fourth session', () => {
  it('The veterinarian its page works beside is another occupation: "how much does a veterinarian make" is not the technician\'s pay', () => {
    const { engine } = importAlone('veterinary-technician');
    expect(engine.decide('how much does a veterinarian make')).toMatchObject({ kind: 'fallback', occupation: 'Veterinarians' });
    expect(engine.decide('how much does a vet tech make')).toMatchObject({ kind: 'answer', intent: 'salary' });
  });

  it('beside the product: its off-topic questions fall back', () => {
    const { score } = askPage('veterinary-technician');
    // Read blind 0.382 / 0.700 beside the product (22 more asked "Which career?"), 0.764 / 0.700 alone.
    // Left (see the README): "does the program have hands on clinic time?" names no career and gets
    // the records specialist's patient-care answer, a topic the veterinary page does not have.
    expect(score.oosRecall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a page written to attack the importer (sterile processing technician, from a review)', () => {
  const page = join(FIXTURES, 'careers', 'sterile-processing-technician.txt');
  const alone = folders();
  run(page, alone);
  const engine = createEngine(load(alone));
  const intents = readFileSync(join(alone.intentsDir, 'sterile-processing-technician.yaml'), 'utf8');

  it('A FAQ about "regulations that apply to patient care" stays the patient-care topic; only a FAQ that says privacy is the privacy topic', () => {
    expect(engine.decide('will i give patient care')).toMatchObject({ kind: 'answer', intent: 'role.patient_care' });
    expect(engine.decide('how is sensitive patient data protected')).toMatchObject({ kind: 'fallback' });
  });

  it('First jobs: a first step that says "before you can apply" is not the step about applying', () => {
    expect(intents).not.toContain('id: training.entry_jobs');
  });

  it('Starter certification: a certification described as "not a first certification ... not for beginners" gets no beginner questions', () => {
    expect(intents).not.toContain('best certification for beginners');
    expect(engine.decide('which cert should i get first')).not.toMatchObject({ intent: 'certs.cis' });
  });

  it('A related title that is another covered career\'s own ("Surgical Technologist (CST)") names that career, not this one', () => {
    const f = folders(true);
    run(join(FIXTURES, 'careers', 'surgical-technologist.txt'), f);
    run(page, f);
    const three = createEngine(load(f));
    expect(three.decide('how much does a surgical technologist make')).toMatchObject({ kind: 'answer', intent: 'surgical-technologist.salary' });
    expect(three.decide('what does a surgical technologist do')).toMatchObject({ kind: 'answer', intent: 'surgical-technologist.role.duties' });
  });

  it('Laws are initialisms followed by what they rule ("HIPAA privacy rules"), not any capitals in the privacy answer', () => {
    const f = folders();
    const text = readFileSync(join(FIXTURES, 'careers', 'physical-therapist-assistant.txt'), 'utf8').replace(
      'Yes. You’ll handle patient health information every day, so you must follow HIPAA privacy rules',
      'YES. You’ll handle patient health information every day, so you must follow HIPAA privacy rules; the AMTB tests them and OHIO adds more',
    );
    const file = join(f.dir, 'pta.txt');
    writeFileSync(file, text);
    run(file, f);
    const written = readFileSync(join(f.intentsDir, 'physical-therapist-assistant.yaml'), 'utf8');
    expect(written).toContain('- what is hipaa');
    for (const word of ['yes', 'amtb', 'ohio']) expect(written).not.toContain(`- what is ${word}\n`);
  });
});

describe('a career outside healthcare keeps the privacy phrasings out of its rules topic (welder, alone)', () => {
  const { kb, engine } = importAlone('welder');

  it('its safety duty is "Rules and compliance", and patient-privacy questions fall back', () => {
    expect(engine.decide('what rules do welders follow')).toMatchObject({ kind: 'answer', intent: 'role.privacy' });
    expect(kb.intents.find((i) => i.id === 'role.privacy')?.label).toBe('Rules and compliance');
    expect(engine.decide('how is sensitive patient data protected')).toMatchObject({ kind: 'fallback' });
    expect(engine.decide('how important is confidentiality')).toMatchObject({ kind: 'fallback' });
  });
});

describe('all six fixture pages beside the product: never the wrong career or occupation', () => {
  const f = folders(true);
  for (const page of ['pharmacy-technician', 'phlebotomist', 'surgical-technologist', 'dental-assistant', 'medical-assistant', 'respiratory-therapist']) run(join(FIXTURES, 'careers', `${page}.txt`), f);
  const engine = createEngine(load(f));
  const notFor = (career: string) => (d: { kind: string; intent: string }) => d.kind !== 'answer' || !d.intent.startsWith(`${career}.`);

  it('Initials in their other senses name no career: "what about in MA?" keeps the topic\'s career; "an MA degree" is no medical assistant\'s question', () => {
    const first = engine.decide('how much does a medical records specialist make');
    expect(engine.decide('what about in MA?', first.context)).toMatchObject({ kind: 'answer', intent: 'salary' });
    expect(notFor('medical-assistant')(engine.decide('is an MA degree required'))).toBe(true);
    expect(engine.decide('MA pay?')).toMatchObject({ kind: 'answer', intent: 'medical-assistant.salary' });
  });

  it('A place of work named by initials ("the DA\'s office") is not the career', () => {
    expect(notFor('dental-assistant')(engine.decide("how much does the DA's office pay interns"))).toBe(true);
  });

  it('A comparison answers only when it names every other occupation asked about: "a pulmonologist and a nurse", "a pulmonologist ... a cardiologist" fall back', () => {
    for (const q of ['difference between a pulmonologist and a nurse', 'how is a pulmonologist different from a cardiologist']) expect(engine.decide(q)).toMatchObject({ kind: 'fallback', reason: 'outside' });
    expect(engine.decide('phlebotomist vs lab tech')).toMatchObject({ kind: 'answer', intent: 'phlebotomist.role.phlebotomist_vs_technician' });
  });

  it('A covered career said only as the asker\'s own job is not what they ask about: "I\'m a dental assistant, how much does a dentist make" falls back', () => {
    expect(engine.decide("I'm a dental assistant, how much does a dentist make")).toMatchObject({ kind: 'fallback', occupation: 'Dentists, General' });
    expect(engine.decide("I'm an RT, what does a pulmonologist make")).toMatchObject({ kind: 'fallback', reason: 'outside' });
  });

  it('A job title that is one word once its "OR" is read as a linking word ("OR assistant") names no career: "as an assistant" is every assistant\'s', () => {
    expect(notFor('surgical-technologist')(engine.decide("can i get a job at a dentist's office as an assistant with no experience"))).toBe(true);
  });

  it('A comparison with another occupation answers within the career the question names: "phlebotomy as a stepping stone to nursing" is no medical assistant\'s question', () => {
    const d = engine.decide('could i use phlebotomy as a stepping stone to nursing later');
    expect(notFor('medical-assistant')(d)).toBe(true);
  });

  it('A surgeon is another occupation, though the surgical technologist\'s questions name surgeons', () => {
    expect(engine.decide("surgeon's salary")).toMatchObject({ kind: 'fallback', reason: 'outside' });
    expect(engine.decide('do surgical techs work with surgeons')).toMatchObject({ kind: 'answer' });
    expect(engine.decide('do surgical techs work with surgeons').intent).toMatch(/^surgical-technologist\./);
  });
});

describe('a career imported alone', () => {
  it('gets its O*NET code from the product\'s occupation titles when its folder has none, so its initials name it', () => {
    const { kb } = importAlone('medical-assistant');
    expect(kb.knowledge.career.soc).toEqual(['31-9092.00']);
    expect(createEngine(kb).decide('how does an MA keep patient info confidential')).toMatchObject({ kind: 'answer', intent: 'role.privacy' });
  });
});

describe('pages made to break the importer', () => {
  const page = (body: string) => parseCareerPage(`Trades\nHow to Become a Welder\n${body}`);

  it('pathological text and markup are read in one pass: a page of unclosed comments, scripts and one endless sentence still parses', () => {
    expect(pageLines(`<p>How to Become a Welder</p>${'<!--'.repeat(50_000)}`)).toEqual(['How to Become a Welder']);
    expect(pageLines(`<p>How to Become a Welder</p>${'<script '.repeat(30_000)}`)).toEqual(['How to Become a Welder']);
    expect(page(`${'a'.repeat(200_000)}!x`).overview).toHaveLength(1);
  });

  it('a script inside a comment hides nothing; character references that name no character, and control and direction characters, are dropped', () => {
    const lines = pageLines('<!-- <script src=a.js> --><main><h1>How to Become a Welder</h1><p>A&#0;B&#x110000;C \u202eD</p><script>x()</script></main>');
    expect(lines).toEqual(['How to Become a Welder', 'A B C D']);
  });

  it('salary amounts are read only when they are amounts: no exponents, signs, zero or absurd figures', () => {
    const p = page('Salary Information\n  • Entry Level: $1e309\n  • Median: $-5\n  • Top: $99999999999999999999\n  • None: $0\n  • Real: $35,780\n  • Short: $48k\n');
    expect(p.salaries.map(({ label, value }) => ({ label, value }))).toEqual([
      { label: 'Real', value: 35780 },
      { label: 'Short', value: 48000 },
    ]);
    expect(p.unread).toHaveLength(4);
  });

  it('a part given twice keeps its first telling, and the repeat is reported', () => {
    const p = page('Salary Information\n  • Entry Level: $40,000\nSalary Information\n  • Entry Level: $1\n');
    expect(p.salaries).toEqual([{ label: "Entry Level", value: 40000, line: "Entry Level: $40,000" }]);
    expect(p.unread).toEqual(['Salary Information', '• Entry Level: $1']);
  });

  it('a device, a pipe or a folder is refused without being read; a title of no Latin letters is refused', () => {
    const f = folders(true);
    expect(() => run('/dev/zero', f)).toThrow(/is not a file/);
    expect(() => run(f.dir, f)).toThrow(/is not a file/);
    const p = join(f.dir, 'p.txt');
    writeFileSync(p, 'How to Become a 药剂师\n');
    expect(() => run(p, f)).toThrow(/no letters a-z/);
  });

  it('a page whose title makes another career\'s id is refused: no career overwrites another', () => {
    const f = folders(true);
    run(PHARMACY, f);
    const other = join(f.dir, 'hyphen.txt');
    writeFileSync(other, readFileSync(PHARMACY, 'utf8').replace(/How to Become a Pharmacy Technician/, 'How to Become a Pharmacy-Technician'));
    expect(() => run(other, f)).toThrow(/already holds the career "Pharmacy Technician"/);
  });
});
