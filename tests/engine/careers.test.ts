import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import type { Decision } from '../../src/engine/types.js';
import { importCareerPage } from '../../src/kb/import/write.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { decisionText } from '../../src/render/plain-text.js';
import { FIXTURES, ROOT, productEngine } from '../helpers.js';

let engine: Engine;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-careers-'));
  for (const d of ['knowledge', 'intents']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  const dirs = { knowledgeDir: join(dir, 'knowledge'), intentsDir: join(dir, 'intents'), minUtterances: 12 };
  importCareerPage({ page: join(FIXTURES, 'careers', 'pharmacy-technician.txt'), ...dirs, productIntentsDir: join(ROOT, 'intents'), today: '2026-11-26' });
  engine = createEngine(loadKnowledgeBase(dirs));
});

const text = (d: Decision) => decisionText(d, undefined, false);

describe('Several careers in one bot', () => {
  it('a question naming a career is answered for it, with its own figures', () => {
    const d = engine.decide('how much does a pharmacy technician make');
    expect(d.intent).toBe('pharmacy-technician.salary');
    expect(text(d)).toContain('$31,240');
    expect(text(engine.decide('how much does a medical records specialist make'))).toContain('$35,780');
  });

  it('a question naming no career, with none in the conversation, asks "Which career?" with a button for each', () => {
    const d = engine.decide('how much do they earn');
    expect(d.kind).toBe('clarify');
    expect(d.kind === 'clarify' && d.choices).toEqual([
      { intent: 'salary', label: 'Medical Records Specialist: Salary' },
      { intent: 'pharmacy-technician.salary', label: 'Pharmacy Technician: Salary' },
    ]);
  });

  it('a word only one career\'s facts use decides the career; a word both use still asks', () => {
    expect(engine.decide('what is dispenseiq').intent).toBe('pharmacy-technician.role.software');
    expect(engine.decide('who offers the CPC').intent).toBe('certs.cpc');
    expect(engine.decide('what is hipaa').kind).toBe('clarify');
  });

  it('the conversation\'s career answers the next question that names none', () => {
    const first = engine.decide('how much does a pharmacy technician make');
    const next = engine.decide('what certifications are there', first.context);
    expect(next.intent).toBe('pharmacy-technician.certs.overview');
    expect(text(next)).toContain('CDT');
    expect(text(next)).not.toContain('CPC');
  });

  it('a follow-up about the other career carries the topic over: "and for pharmacy technicians?" after the salary', () => {
    const first = engine.decide('how much does a medical records specialist make');
    expect(engine.decide('and for pharmacy technicians?', first.context).intent).toBe('pharmacy-technician.salary');
  });

  it('a word only one career uses outweighs the conversation\'s career; a comparison pins the conversation to neither', () => {
    const first = engine.decide('how much does a medical records specialist make');
    expect(engine.decide('what is dispenseiq', first.context).intent).toBe('pharmacy-technician.role.software');
    const compared = engine.decide('which pays more, pharmacy technician or medical records specialist?');
    expect(compared.context).toBeUndefined();
    expect(engine.decide('what certifications do i need', compared.context).kind).toBe('clarify');
  });

  it('naming two careers compares them side by side from the facts', () => {
    const d = engine.decide('which pays more, pharmacy technician or medical records specialist?');
    expect(d.kind).toBe('answer');
    const table = d.kind === 'answer' ? d.answers[0]!.blocks.find((b) => b.type === 'table') : undefined;
    expect(table).toEqual({
      type: 'table',
      columns: ['', 'Medical Records Specialist', 'Pharmacy Technician'],
      rows: [
        ['Entry level', '$35,780 a year', '$31,240 a year'],
        ['Median annual salary', '$50,250 a year', '$39,470 a year'],
        ['Experienced', '$80,950 a year', '$52,880 a year'],
      ],
    });
  });

  it('naming two careers and nothing else compares them as a whole: each career\'s overview under its name', () => {
    for (const q of ['Pharmacy Technician vs Medical Records Specialist', 'difference between a pharmacy technician and a medical records specialist']) {
      const d = engine.decide(q);
      expect(d.kind === 'answer' && d.answers.map((a) => a.intent)).toEqual(['role.overview', 'pharmacy-technician.role.overview']);
      expect(text(d)).toContain('Pharmacy Technician');
    }
  });

  it('another occupation still falls back, naming every career the bot covers', () => {
    const d = engine.decide('how much do dental assistants make');
    expect(d.kind === 'fallback' && d.notice).toContain('Medical Records Specialist or Pharmacy Technician');
  });

  it('"pharmacist" is answered only by the page\'s own comparison with it, never with a technician\'s salary', () => {
    expect(engine.decide('pharmacy tech vs pharmacist whats the difference').intent).toBe('pharmacy-technician.role.technician_vs_pharmacist');
    expect(engine.decide('how much does a pharmacist make').kind).toBe('fallback');
  });

  it('small talk names every career covered: a greeting, help and "start over" never speak for one career only', () => {
    for (const q of ['hello', 'what can I ask', 'start over']) {
      expect(text(engine.decide(q))).toContain('a Medical Records Specialist or a Pharmacy Technician');
    }
    expect(engine.kb.assistant?.greeting).toContain('a Medical Records Specialist or a Pharmacy Technician');
    expect(text(productEngine().decide('hello'))).toContain('becoming a Medical Records Specialist:');
  });

    it('with one career nothing changes: no career in labels, no "Which career?"', () => {
    const product = productEngine();
    expect(product.topics().map((t) => t.label)).toEqual(product.kb.intents.filter((i) => !i.smallTalk).map((i) => i.label));
    expect(product.decide('how much do they earn').intent).toBe('salary');
  });
});

describe('Topics shared across careers', () => {
  it('a question naming an imported career counts every career\'s examples of the topic: "do pharmacy techs need to go to college"', () => {
    const d = engine.decide('do pharmacy techs need to go to college');
    expect(d.intent).toBe('pharmacy-technician.training.degree');
    expect(text(d)).not.toContain('medical records');
  });

  it('the career\'s name says nothing of the topic when the rest does, and everything when nothing else is asked', () => {
    expect(engine.decide('what does a pharmacy tech do').intent).toBe('pharmacy-technician.role.duties');
    expect(engine.decide('is a coder a technician').intent).toBe('role.coder_vs_technician');
    expect(engine.decide("What's the difference between a medical coder and a medical records technician?").intent).toBe('role.coder_vs_technician');
  });

  it('a word both careers\' questions use ("career", "start") does not pick a career: the question asks which', () => {
    const d = engine.decide('how can i start this career');
    expect(d.kind).toBe('clarify');
    expect(d.kind === 'clarify' && d.choices.map((c) => c.intent).sort()).toEqual(['pharmacy-technician.training.steps', 'training.steps']);
  });

  it('a word only one career\'s hand-written questions use ("university") picks no career either: its facts never said it', () => {
    const d = engine.decide('can i do this without going to university');
    expect(d.kind).toBe('clarify');
    expect(d.kind === 'clarify' && d.choices.map((c) => c.intent).sort()).toEqual(['pharmacy-technician.training.degree', 'training.degree']);
  });
});

describe('Another occupation a page compares itself with', () => {
  let phleb: Engine;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-phleb-'));
    for (const d of ['knowledge', 'intents']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
    const dirs = { knowledgeDir: join(dir, 'knowledge'), intentsDir: join(dir, 'intents'), minUtterances: 12 };
    importCareerPage({ page: join(FIXTURES, 'careers', 'phlebotomist.txt'), ...dirs, productIntentsDir: join(ROOT, 'intents'), today: '2026-11-26' });
    phleb = createEngine(loadKnowledgeBase(dirs));
  });

  it('the comparison answers whichever name the occupation is given ("lab tech", "medical laboratory technician")', () => {
    for (const q of ['phlebotomist vs lab tech whats the diff', 'is a phlebotomist the same thing as a medical laboratory technician']) {
      expect(phleb.decide(q).intent).toBe('phlebotomist.role.phlebotomist_vs_technician');
    }
  });

  it('asked about for itself, the compared occupation still falls back: its pay is never the page\'s career\'s', () => {
    const d = phleb.decide('how much does a lab tech make');
    expect(d.kind).toBe('fallback');
    expect(d.kind === 'fallback' && d.occupation).toBe('Medical and Clinical Laboratory Technicians');
  });

  it('a clipped name of the career is its name: "phleb salary"', () => {
    expect(phleb.decide('how much do phlebs make').intent).toMatch(/^phlebotomist\.salary/);
  });
});
