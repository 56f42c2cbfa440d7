import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/kb/validate.js';
import { nameOf } from '../../src/engine/occupations.js';
import type { ConversationContext } from '../../src/engine/types.js';
import { evaluate, parseLabelled } from '../../src/eval/evaluate.js';
import { FIXTURES, productEngine } from '../helpers.js';

const engine = productEngine();

describe('Other careers are noticed', () => {
  it.each([
    ["what's the starting pay for a pharmacy tech", 'pharmacy technicians'],
    ['entry level pay for a surgical tech', 'surgical technologists'],
    ['how long is training for a CNA', 'nursing assistants'],
    ['what software do radiology techs use', 'radiologic technicians'],
    ['is a paralegal job patient facing', 'paralegals and legal assistants'],
    ['how much do dental assistants make', 'dental assistants'],
    ['do welders need a certification', 'welders, cutters, solderers, and brazers'],
  ])('"%s" falls back, naming %s for an advisor, never with this career\'s facts', (question, occupation) => {
    const d = engine.decide(question);
    expect(d.kind).toBe('fallback');
    expect(d.kind === 'fallback' && d.notice).toBe(`I can only answer questions about becoming a Medical Records Specialist. For ${occupation}, an advisor at your career center can help.`);
    expect(JSON.stringify(d)).not.toContain('$35,780');
  });

  it.each(['how much does a medical coder make', 'what does a health information technician earn', 'do medical records clerks need a degree', 'is an EHR technician job entry level', 'medical records and health information technicians pay'])(
    'the career\'s own titles stay in scope: "%s" is answered, not refused',
    (question) => {
      const d = engine.decide(question);
      expect(d.kind).not.toBe('fallback');
    },
  );

  it('a follow-up naming another occupation falls back too: "and nurses?" after the salary', () => {
    const first = engine.decide('how much do they earn');
    const d = engine.decide('and nurses?', first.context as ConversationContext);
    expect(d.kind === 'fallback' && d.occupation).toBe('Registered Nurses');
  });

  it('Initials that mean other things too never turn a question away: "MA" may be a master\'s degree when no medical assistant is covered', () => {
    for (const q of ['I have an MA in English, can I become a medical records specialist?', 'do I need an MA?']) expect(engine.decide(q)).not.toHaveProperty('occupation');
    expect(engine.kb.occupations.shortForms).toContainEqual({ form: 'ma', title: 'Medical Assistants', ownOnly: true });
  });

  it('The asker\'s own job is context: "im a CNA rn, how long ... medical records specialist" asks about this career; without it, the other occupation\'s question still falls back', () => {
    expect(engine.decide('im a CNA rn, how long does it take to become a medical records specialist')).toMatchObject({ kind: 'answer', intent: 'training.steps' });
    expect(engine.decide("I'm a nurse, what's my salary?")).toMatchObject({ kind: 'fallback', occupation: 'Registered Nurses' });
    expect(engine.decide("I'm a medical records specialist, how much does a nurse make?")).toMatchObject({ kind: 'fallback', occupation: 'Registered Nurses' });
  });

  it('O*NET qualifiers are not names: "Cooks, Restaurant" is cooks; a list keeps its items', () => {
    expect(nameOf('Cooks, Restaurant')).toBe('Cooks');
    expect(nameOf('Chemistry Teachers, Postsecondary')).toBe('Chemistry Teachers');
    expect(nameOf('Elementary School Teachers, Except Special Education')).toBe('Elementary School Teachers');
    expect(nameOf('Welders, Cutters, and Welder Fitters')).toBe('Welders, Cutters, and Welder Fitters');
  });

  it('other-occupation questions written apart (tests/fixtures/other-occupations.jsonl): >= 0.95 fall back, own titles answered', () => {
    const file = join(FIXTURES, 'other-occupations.jsonl');
    const r = evaluate(parseLabelled(readFileSync(file, 'utf8'), file), (t) => engine.decide(t));
    expect(r.outOfScope).toBeGreaterThanOrEqual(60);
    expect(r.oosRecall).toBeGreaterThanOrEqual(0.95);
    expect(r.falseFallbacks).toBe(0);
  });
});

describe('occupation data is validated', () => {
  const knowledge = { file: 'knowledge/k.yaml', data: { career: { id: 'c', title: 'C', soc: ['29-2071.00'] }, sources: { s: { title: 'S', ref: 'r' } }, defaults: { source: 's', asOf: '2026-01-01' }, facts: { f: { value: 'x' } } } };
  const intents = (shortForms: Record<string, string>) => [
    { file: 'intents/i.yaml', data: { intents: [{ id: 'a', label: 'A', utterances: ['a one', 'a two', 'a three', 'a four'], answer: '{{f}}' }] } },
    { file: 'intents/occupations.yaml', data: { occupations: { shortForms } } },
  ];
  it('a short form must name a title of knowledge/occupations.tsv', () => {
    const titles = [{ soc: '29-2052.00', title: 'Pharmacy Technicians' }];
    expect(() => buildKnowledgeBase([knowledge], intents({ 'pharmacy tech': 'Pharmacy Techs' }), { minUtterances: 4, occupationTitles: titles })).toThrow(
      'intents/occupations.yaml: occupations.shortForms.pharmacy tech: "Pharmacy Techs" is not an occupation title of knowledge/occupations.tsv',
    );
    expect(buildKnowledgeBase([knowledge], intents({ 'pharmacy tech': 'Pharmacy Technicians' }), { minUtterances: 4, occupationTitles: titles }).occupations.shortForms).toHaveLength(1);
  });

  it('initials are validated the same way', () => {
    const titles = [{ soc: '31-9092.00', title: 'Medical Assistants' }];
    const withInitials = (initials: Record<string, string>) => [intents({})[0]!, { file: 'intents/occupations.yaml', data: { occupations: { shortForms: {}, initials } } }];
    expect(() => buildKnowledgeBase([knowledge], withInitials({ ma: 'Med Assistants' }), { minUtterances: 4, occupationTitles: titles })).toThrow('occupations.initials.ma: "Med Assistants" is not an occupation title');
  });
});
