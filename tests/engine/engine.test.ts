import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/engine/types.js';
import { decisionText } from '../../src/render/plain-text.js';
import { fixtureEngine, productEngine } from '../helpers.js';

const engine = productEngine();
const say = (q: string): string => decisionText(engine.decide(q));
const intentOf = (q: string): string => engine.decide(q).intent;

describe('engine on the product knowledge base', () => {
  it('Typo tolerance: misspelt topic words still land', () => {
    expect(intentOf('what is the salery')).toMatch(/^salary/);
    expect(intentOf('which certifcations are there')).toMatch(/^certs\.overview/);
    expect(intentOf('what are the job responsibilites')).toBe('role.duties');
    expect(intentOf('do i have to know hippa')).toBe('role.privacy');
  });

  it('Slack markup around a question does not change its answer', () => {
    expect(intentOf('<@U0BOT> *how much* do coders get paid? :moneybag: <!here>')).toMatch(/^salary/);
  });

  it('Near-domain questions the page does not answer fall back instead of guessing', () => {
    for (const q of ['how much does a dentist earn', 'can I get a copy of my own medical records', 'how much is the rhit exam fee', 'how do i become a veterinarian']) {
      expect(engine.decide(q).kind, q).toBe('fallback');
    }
  });

  it('A fallback says plainly it has no answer and offers the closest topics', () => {
    const d = engine.decide('what is the weather in Paris');
    expect(d.kind).toBe('fallback');
    if (d.kind !== 'fallback') return;
    expect(d.intent).toBe('none');
    expect(d.suggestions.length).toBe(3);
    expect(decisionText(d)).toMatch(/^Sorry, I don't have an answer to that\. I can help with: /);
  });

  it('An answer carrying a figure leads with the figure asked for', () => {
    const d = engine.decide('what do beginners earn');
    expect(d.intent).toBe('salary.entry');
    expect(say('what do beginners earn').split('\n')[0]).toContain('$35,780');
    expect(say('what do experienced coders make').split('\n')[0]).toContain('$80,950');
    expect(say('what is the median pay').split('\n')[0]).toContain('$50,250');
  });

  it('The salary answer carries all three figures from knowledge/', () => {
    const text = say('salary');
    for (const figure of ['$35,780', '$50,250', '$80,950']) expect(text).toContain(figure);
  });

  it("Two-part questions get both answers in one reply", () => {
    const d = engine.decide("what's the pay and how long is the training?");
    expect(d.kind).toBe('answer');
    if (d.kind !== 'answer') return;
    expect(d.answers.map((a) => a.intent.split('.')[0])).toEqual(['salary', 'training']);
    expect(decisionText(d)).toContain('under a year');
  });

  it('Comparisons get a side-by-side table of the certifications named', () => {
    const d = engine.decide('CPC vs RHIT');
    expect(d.intent).toBe('certs.overview.compare');
    if (d.kind !== 'answer') throw new Error('expected an answer');
    const table = d.answers[0]!.blocks.find((b) => b.type === 'table');
    expect(table).toMatchObject({ type: 'table', rows: [['CPC', 'Certified Professional Coder', 'AAPC', 'one of the most widely recognized credentials for medical coders'], expect.arrayContaining(['RHIT', 'AHIMA'])] });
  });

  it('"Which certification is for beginners?" leads with the starter credential and compares all three', () => {
    const d = engine.decide('which certification is for beginners?');
    expect(d.intent).toBe('certs.overview.beginner');
    expect(say('which certification is for beginners?').split('\n')[0]).toContain('CCA');
  });

  it('The same question always gets the same decision', () => {
    const q = 'how do I become a medical coder?';
    expect(engine.decide(q)).toEqual(engine.decide(q));
  });

  it('Every answer names its source and offers follow-ups', () => {
    const d = engine.decide('what software will I use');
    if (d.kind !== 'answer') throw new Error('expected an answer');
    expect(d.answers[0]!.sources[0]!.title).toMatch(/career-center page/);
    expect(d.answers[0]!.followUps.length).toBeGreaterThanOrEqual(2);
  });

  it('Empty, whitespace and emoji-only questions fall back with topics', () => {
    for (const q of ['', '   ', ':smile: :wave:']) {
      const d: Decision = engine.decide(q);
      expect(d.kind).toBe('fallback');
    }
  });
});

describe('small talk', () => {
  it('is not answered on a weak reading: "set up the room before the operation" never starts the conversation over', () => {
    const engine = productEngine();
    const d = engine.decide('do they have to clean and set up the room before the operation');
    expect(d.intent).not.toBe('chat.restart');
    expect(d.kind).toBe('fallback');
    expect(engine.decide('ok lets start over').intent).toBe('chat.restart');
  });
});

describe('engine mechanics on a small fixture knowledge base', () => {
  const small = fixtureEngine();

  it('answers from templates over facts, formatting money', () => {
    expect(decisionText(small.decide('what is the salary'), undefined, false)).toBe('• Starting: $30,000 a year\n• Top: $90,000 a year');
  });

  it('picks the variant whose keyword the question uses', () => {
    expect(small.decide('starting salary').intent).toBe('pay.start');
  });

  it('naming two collection items asks for the comparison, whatever else the question says', () => {
    const d = small.decide('abc or xyz');
    expect(d.intent).toBe('badges.compare');
  });

  it('negative examples pull a question to the fallback', () => {
    expect(small.decide('how much does a pilot earn').kind).toBe('fallback');
  });

  it('answer() renders any intent or variant, and refuses unknown ids', () => {
    expect(small.answer('tools').blocks).toEqual([{ type: 'paragraph', text: 'You use Hammer, Saw and Drill.' }]);
    expect(() => small.answer('nope')).toThrow(/unknown intent "nope"/);
  });
});

describe('"Did you mean"', () => {
  it('"which certification is best for me" asks for a recommendation (the guide); "which is best" compares', () => {
    expect(engine.decide('which certification is best for me').intent).toBe('certs.overview.guide');
    expect(engine.decide('which certification should i get').intent).toBe('certs.overview.guide');
    expect(engine.decide('which certification is best').intent).toBe('certs.overview.compare');
  });

  it('the page says nothing about exams: "how long is the cpc exam" falls back rather than answer with the CPC', () => {
    expect(engine.decide('how long is the cpc exam').kind).toBe('fallback');
    expect(engine.decide('how much is the rhit exam').kind).toBe('fallback');
  });

  it('a question two topics answer about equally gets both as choices, the likelier first', () => {
    // Both credentials AHIMA offers.
    const d = engine.decide('ahima');
    expect(d.kind).toBe('clarify');
    if (d.kind !== 'clarify') return;
    expect(d.choices.map((c) => c.intent)).toEqual(['certs.rhit', 'certs.cca']);
    expect(decisionText(d)).toBe('Did you mean "RHIT" or "CCA"?');
  });
});

describe('contractions', () => {
  it('"im a beginner" is about first jobs, not a goodbye ("im done for now" is an example of one)', () => {
    expect(intentOf('im a beginner')).toBe('training.entry_jobs');
    expect(intentOf("i'm a beginner")).toBe('training.entry_jobs');
  });
});

describe('figures in a question', () => {
  it('An amount such as "80k" is not a word from another topic: the question is still about pay', () => {
    expect(intentOf('can I make 80k doing this')).toMatch(/^salary/);
  });
});

describe('context before the question', () => {
  it('Context first, question last: the question is answered though the context is about other things', () => {
    expect(intentOf("Hi, I'm a single mom looking to switch careers. How long does the training take?")).toBe('training.programs');
  });

  it('Question first, context after: "how long is the training? asking for my cousin who lives in ohio" answers the question', () => {
    expect(intentOf('how long is the training? asking for my cousin who lives in ohio')).toBe('training.programs');
  });

  it('A thank-you with a follow-up question answers the question', () => {
    expect(intentOf('thanks! and what about certifications?')).toBe('certs.overview');
  });

  it('Context about the career does not rescue a question about something else', () => {
    expect(engine.decide('I love my job as a medical coder. Can you recommend a good movie?').kind).toBe('fallback');
  });
});

describe('everyday words (intents/lexicon.yaml)', () => {
  it('Shorthand: "entry lvl wage", "is the pay decent" and "could i eventually move up" are pay and growth', () => {
    expect(intentOf('entry lvl wage?')).toBe('salary.entry');
    expect(intentOf('is the pay decent')).toMatch(/^salary/);
    expect(intentOf('could i eventually move into management')).toBe('career.growth');
  });

  it('Words that stay themselves: "one day" is a length ("is the training one day"), and "job security", "look pretty" and "full time" are not topics here', () => {
    expect(intentOf('is the training one day')).toBe('training.programs');
    for (const q of ['should i worry about job security', 'do i have to look pretty', 'is it a full time gig or part time']) expect(intentOf(q)).toBe('none');
  });
});
