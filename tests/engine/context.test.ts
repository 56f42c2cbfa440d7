import { describe, expect, it } from 'vitest';
import type { ConversationContext, Decision } from '../../src/engine/types.js';
import { productEngine } from '../helpers.js';

const engine = productEngine();

/** Plays a conversation and returns each turn's decision. */
function converse(...turns: string[]): Decision[] {
  let context: ConversationContext | undefined;
  return turns.map((t) => {
    const d = engine.decide(t, context);
    context = d.context;
    return d;
  });
}
const last = (...turns: string[]) => converse(...turns).at(-1)!;

describe('Follow-ups: pronouns', () => {
  it('"who offers it?" after the CPC answers the CPC, not "CPC or CCA?"', () => {
    expect(engine.decide('who offers it?').kind).toBe('clarify');
    expect(last('tell me about the CPC', 'who offers it?')).toMatchObject({ kind: 'answer', intent: 'certs.cpc' });
  });

  it('"who runs it?" after the RHIT, and "is it from AHIMA?" after the CCA', () => {
    expect(last('what is the RHIT', 'who runs it?').intent).toBe('certs.rhit');
    expect(last('cca', 'is it from AHIMA?').intent).toBe('certs.cca');
  });

  it('"who offers that" after the answer for beginners means the certification it recommends', () => {
    expect(last('which certification is good for someone new', 'who offers that').intent).toBe('certs.cca');
  });
});

describe('Follow-ups: ellipsis and refinements', () => {
  it('"and for beginners?" and "what about experienced people" after the median salary give those figures', () => {
    const [, entry, experienced] = converse("what's the median salary", 'and for beginners?', 'what about experienced people');
    expect(entry!.intent).toBe('salary.entry');
    expect(experienced!.intent).toBe('salary.experienced');
  });

  it('the issue\'s conversation: CPC, who offers it, entry pay, and with experience', () => {
    expect(converse('tell me about the CPC', 'who offers it?', 'what about entry level pay?', 'and with experience?').map((d) => d.intent)).toEqual([
      'certs.cpc',
      'certs.cpc',
      'salary.entry',
      'salary.experienced',
    ]);
  });

  it('"is that yearly?" after a salary stays on the salary', () => {
    expect(last("what's the experienced salary", 'is that yearly?').intent).toMatch(/^salary/);
  });

  it('"and the CPC?" after the RHIT switches to the CPC', () => {
    expect(last('what is the RHIT', 'and the CPC?').intent).toBe('certs.cpc');
  });

  it('"which is from AAPC" after the certifications is the CPC', () => {
    expect(last('which certs can I get', 'which is from AAPC').intent).toBe('certs.cpc');
  });
});

describe('Follow-ups: what was named', () => {
  it('"and the others?" after the CPC is the certifications as a whole', () => {
    expect(last('tell me about the CPC', 'and the others?').intent).toBe('certs.overview');
  });

  it('"and the last one?" after "CPC vs RHIT" is the CCA', () => {
    const [compare, rest] = converse('CPC vs RHIT', 'and the last one?');
    expect(compare!.context).toEqual({ intent: 'certs.overview.compare', named: ['certs.cpc', 'certs.rhit'] });
    expect(rest!.intent).toBe('certs.cca');
  });

  it('"what else does AHIMA offer" after the CCA is the RHIT', () => {
    expect(last('cca', 'what else does AHIMA offer').intent).toBe('certs.rhit');
  });
});

describe('"The others" only where the question leans on what was named', () => {
  it.each([
    ['how long does the exam last?', 'fallback'],
    ['what is the best pizza in other cities', 'fallback'],
  ])('after the CPC, "%s" is read on its own: %s', (q, kind) => {
    expect(last('tell me about the cpc', q).kind).toBe(kind);
  });

  it('after the CPC, "is the cpc recognized in other states" is about the CPC', () => {
    expect(last('tell me about the cpc', 'is the cpc recognized in other states').intent).toBe('certs.cpc');
  });
});

describe('Context never invents an answer', () => {
  it.each([
    ['how much do they earn', 'and nurses?'],
    ['how much do they earn', 'and dental assistants?'],
    ['tell me about the CPC', 'what about the CCS?'],
    ["what's the median salary", 'what about in Texas?'],
    ['what do the certificate programs teach', 'do they have financial aid'],
  ])('after "%s", "%s" falls back with the closest topics', (first, followUp) => {
    const d = last(first, followUp);
    expect(d.kind).toBe('fallback');
    expect(d.kind === 'fallback' && d.suggestions.length).toBeGreaterThan(0);
  });

  it('a fallback keeps the conversation\'s topic for the next follow-up', () => {
    expect(last('how much do they earn', 'and nurses?', 'and for beginners?').intent).toBe('salary.entry');
  });
});

describe('Questions that stand on their own are answered on their own', () => {
  it('"do I need a degree?" after a salary is about the degree', () => {
    expect(last('how much do they earn', 'do I need a degree?').intent).toBe('training.degree');
  });

  it('"do any of those involve treating patients?" after the duties is about patient care', () => {
    expect(last('what are the main duties', 'do any of those involve treating patients?').intent).toBe('role.patient_care');
  });

  it('"what would those pay" after the first jobs is the salary', () => {
    expect(last('can I get hired with no experience', 'what would those pay').intent).toMatch(/^salary/);
  });

  it('small talk keeps the topic: "thanks", then "and the RHIT?"', () => {
    const [, thanks, rhit] = converse('tell me about the CPC', 'thanks!', 'and the RHIT?');
    expect(thanks!.intent).toBe('chat.thanks');
    expect(thanks!.context?.intent).toBe('certs.cpc');
    expect(rhit!.intent).toBe('certs.rhit');
  });
});

describe('The context value', () => {
  it('"start over" ends it: the next follow-up is read on its own', () => {
    const [, restart, after] = converse('tell me about the CPC', 'start over', 'who offers it?');
    expect(restart!.intent).toBe('chat.restart');
    expect(restart!.context).toBeUndefined();
    expect(after!.kind).toBe('clarify');
  });

  it('is small and survives JSON: a conversation resumed from its serialised context answers the same', () => {
    const first = engine.decide('tell me about the CPC');
    const stored = JSON.parse(JSON.stringify(first.context)) as ConversationContext;
    expect(stored).toEqual({ intent: 'certs.cpc', named: ['certs.cpc'] });
    expect(engine.decide('who offers it?', stored).intent).toBe('certs.cpc');
  });

  it('a context naming an intent the knowledge base no longer has is ignored', () => {
    expect(engine.decide('who offers it?', { intent: 'gone.topic', named: [] }).kind).toBe('clarify');
  });
});

describe('pointing back (lexicon context.refers)', () => {
  it('Pointing back: "what do they cover?" after online programs stays on programs, though "what topics do you cover" is the help answer', () => {
    expect(last('are there online medical coding programs', 'how long are they', 'what do they cover?').intent).toBe('training.programs');
    expect(last('are there online medical coding programs', 'what topics do you cover?').intent).toBe('chat.help');
  });
});

describe('pointing back is for questions only', () => {
  it('A thank-you that mentions "these" stays a thank-you after a topic; a question about "those" leans on it', () => {
    expect(last('what does a medical records specialist do?', 'thanks for these').intent).toBe('chat.thanks');
    expect(last('are there online programs?', 'thanks for these').intent).toBe('chat.thanks');
    expect(last('are there online programs?', 'can you help with those?').intent).toBe('training.programs');
  });
});

describe('starting over', () => {
  it('Start over: "never mind those, start over" after a topic ends it, however unsure the reading', () => {
    const [, restart] = converse('are there online programs?', 'never mind those, start over');
    expect(restart).toMatchObject({ kind: 'answer', intent: 'chat.restart' });
    expect(restart!.context).toBeUndefined();
  });
});
