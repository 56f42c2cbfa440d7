import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCareerPage } from '../../src/kb/import/page.js';
import { FIXTURES } from '../helpers.js';
import { askAlone, askPage, importAlone } from './import-helpers.js';

const page = (file: string) => parseCareerPage(readFileSync(join(FIXTURES, 'careers', file), 'utf8'));

/** Each fixture page, imported alone, answers its own questions at >= 0.85 in scope and out of scope. */
function expectAloneAtLeast085(pages: readonly (readonly [career: string, ext: string])[]): void {
  for (const [career, ext] of pages) {
    const { score } = askAlone(career, ext);
    expect(score.inScopeAccuracy, career).toBeGreaterThanOrEqual(0.85);
    expect(score.oosRecall, career).toBeGreaterThanOrEqual(0.85);
  }
}

// Four pages written blind by helpers who never saw the engine, in the fifth session: a paralegal
// page in HTML, a radiologic technologist page in Markdown, and two text pages whose titles O*NET
// writes otherwise ("Certified Nursing Assistant", "Dispensing Optician"). Measured once, alone in
// empty folders, before the changes they showed: 0.475, 0.705, 0.500 and 0.870 in scope.
describe('a career page written as HTML by a career-center site (paralegal)', () => {
  const p = page('paralegal.html');

  it("The title is the page's heading, not the <title> with the site's name after it", () => {
    expect(p.title).toBe('Paralegal');
    expect(p.category).toBe('Legal');
  });

  it('Site chrome: navigation, footer and copyright lines are not read as content or reported', () => {
    expect(p.unread.filter((l) => !l.startsWith('This page is a test fixture'))).toEqual([]);
  });

  it('Steps: "Here is how to get started:" introduces the steps, and a list item whose text sits in a <p> is one step', () => {
    expect(p.steps.map((s) => s.title)).toEqual(['Finish high school or earn a GED', 'Enroll in a paralegal studies program', 'Build your skills and earn a credential', 'Apply for entry-level legal jobs']);
    expect(p.missing).toEqual([]);
  });

  it('Clients: "Will I work directly with clients?" is the page\'s patient-care topic (whom the job serves face to face)', () => {
    const { engine } = importAlone('paralegal', 'html');
    expect(engine.decide('will i be dealing with clients face to face')).toMatchObject({ kind: 'answer', intent: 'role.patient_care' });
  });
});

describe('a career page written in Markdown (radiologic technologist)', () => {
  const p = page('radiologic-technologist.md');

  it("Steps: \"Here's how to get started:\" with bold step titles in bullets", () => {
    expect(p.steps).toHaveLength(4);
    expect(p.steps[3]!.title).toBe('Apply for entry-level positions');
  });

  it('A "## Related Job Titles" heading belongs to no FAQ answer, and the titles under it are read', () => {
    expect(p.faq.some((f) => /Related Job Titles/.test(f.answer))).toBe(false);
    expect(p.titles).toContain('Radiographer');
  });
});

describe('careers whose titles O*NET writes otherwise', () => {
  it('A credential before the title ("Certified Nursing Assistant") still finds the occupation ("Nursing Assistants"), so "cna" names the career, not another occupation', () => {
    const { kb, engine } = importAlone('certified-nursing-assistant');
    expect(kb.knowledge.career.soc).toEqual(['31-1014.00']);
    expect(engine.decide('how much do new cnas make starting out')).toMatchObject({ kind: 'answer', intent: 'salary.entry' });
  });

  it('O*NET\'s inverted title ("Opticians, Dispensing") is the career "Dispensing Optician"', () => {
    const { kb } = importAlone('dispensing-optician');
    expect(kb.knowledge.career.soc).toEqual(['29-2081.00']);
  });

  it('A certification whose name holds an occupation ("Registered Bedside Care Aide") is the certification; "nursing homes" is a place, not a nurse', () => {
    const { engine } = importAlone('certified-nursing-assistant');
    expect(engine.decide('tell me about the registered bedside care aide credential')).toMatchObject({ kind: 'answer', intent: 'certs.rbca' });
    expect(engine.decide('is there a certification for working with elderly in nursing homes')).not.toMatchObject({ occupation: 'Registered Nurses' });
    expect(engine.decide('how much does a registered nurse make')).toMatchObject({ kind: 'fallback', occupation: 'Registered Nurses' });
  });

  it('"The difference between a certified nursing assistant and a patient care technician" is the comparison, though it says "patient"', () => {
    const { engine } = importAlone('certified-nursing-assistant');
    expect(engine.decide("what's the difference between a certified nursing assistant and a patient care technician")).toMatchObject({ kind: 'answer', intent: 'role.assistant_vs_technician' });
  });
});

// Three more pages written blind at the end of the fifth session and measured once with the code as
// it stood: a dental hygienist (0.942 / 1.000 alone), a massage therapist in Markdown (0.911 / 1.000)
// and a home health aide in HTML (0.800 / 0.800: its steps were not read).
describe('pages whose steps are introduced otherwise (home health aide, HTML; massage therapist, Markdown)', () => {
  it('Steps: "Follow these steps to get started:" introduces them, and "Title: text" bullets under Get Trained are steps without any intro', () => {
    expect(page('home-health-aide.html').steps.map((s) => s.title)[0]).toBe('Finish high school or earn a GED');
    expect(page('home-health-aide.html').missing).toEqual([]);
    const bare = parseCareerPage('Healthcare\nHow to Become a Dog Walker\nWalk dogs.\nGet Trained\nNo school needed.\n• Get insured: Buy a policy.\n• Find clients: Ask neighbours.\n');
    expect(bare.steps).toEqual([
      { title: 'Get insured', text: 'Buy a policy.' },
      { title: 'Find clients', text: 'Ask neighbours.' },
    ]);
    expect(page('massage-therapist.md').steps).toHaveLength(4);
  });

  it('What no career page says of a workplace falls back: "what\'s the dress code for home health aides"', () => {
    const { engine } = importAlone('home-health-aide', 'html');
    expect(engine.decide("what's the dress code for home health aides")).toMatchObject({ kind: 'fallback' });
    expect(engine.decide('how do i become a home health aide')).toMatchObject({ kind: expect.stringMatching(/answer|clarify/) });
  });

  it('alone, each of the three answers its questions written apart from the page: >= 0.85 in scope and out of scope', () => {
    expectAloneAtLeast085([['dental-hygienist', 'txt'], ['massage-therapist', 'md'], ['home-health-aide', 'html']]);
  });
});

describe('the twenty other fixture pages alone', () => {
  it('each answers its questions written apart from the page: >= 0.85 in scope and out of scope (measured at the end of the fifth session)', () => {
    const pages: [string, string][] = [
      ['pharmacy-technician', 'txt'], ['phlebotomist', 'txt'], ['surgical-technologist', 'txt'], ['dental-assistant', 'txt'], ['medical-assistant', 'txt'], ['respiratory-therapist', 'txt'],
      ['welder', 'txt'], ['physical-therapist-assistant', 'txt'], ['emergency-medical-technician', 'txt'], ['medical-laboratory-technician', 'txt'], ['hvac-technician', 'txt'], ['veterinary-technician', 'txt'],
      ['certified-nursing-assistant', 'txt'], ['dispensing-optician', 'txt'], ['radiologic-technologist', 'md'], ['paralegal', 'html'], ['occupational-therapy-assistant', 'txt'], ['electrician', 'txt'],
      // The last two, written blind and first asked with the session's final code: 0.929 (0.982 once a FAQ's
      // id kept its whole question) and 0.849 (0.887 once "medical billing specialist" was a short form).
      ['cardiovascular-technologist', 'txt'], ['medical-billing-specialist', 'txt'],
    ];
    expectAloneAtLeast085(pages);
  });
});
