import { describe, expect, it } from 'vitest';
import { buildWebReply, buildWebText } from '../../src/web/render-web.js';
import { chooseOutcome, isCancel, pickChoice } from '../../src/engine/guide.js';
import { productEngine } from '../helpers.js';

const engine = productEngine();

describe('web rendering', () => {
  it('an answer keeps its blocks as data, with source, follow-ups as topic buttons and feedback', () => {
    const r = buildWebReply(engine.decide('cpc vs cca'));
    expect(r.blocks.some((b) => b.type === 'table')).toBe(true);
    expect(r.quick_replies.every((q) => 'topic' in q)).toBe(true);
    expect(r.feedback).toBe('certs.overview.compare');
  });

  it('"Did you mean" and fallbacks offer their topics as buttons', () => {
    const r = buildWebReply({ kind: 'clarify', text: 'q', intent: 'salary', confidence: 0.5, alternatives: [], choices: [{ intent: 'salary', label: 'Salary' }, { intent: 'career.growth', label: 'Career growth' }] });
    expect(r.text).toBe('Did you mean "Salary" or "Career growth"?');
    expect(r.quick_replies).toEqual([{ title: 'Salary', topic: 'salary' }, { title: 'Career growth', topic: 'career.growth' }]);
  });

  it('plain bot lines drop the emphasis marks from their text but keep them for the page to render', () => {
    const r = buildWebText('Type *cancel* to stop.');
    expect(r.text).toBe('Type cancel to stop.');
    expect(r.blocks).toEqual([{ type: 'paragraph', text: 'Type *cancel* to stop.' }]);
  });
});

describe('guides', () => {
  const guide = engine.kb.guides[0]!;
  const question = guide.questions[0]!;

  it('a button value, a label or a choice word picks the choice; an ambiguous or unknown reply picks none', () => {
    expect(pickChoice(question, 'yes')).toBe('yes');
    expect(pickChoice(question, "Yes, I'm new")).toBe('yes');
    expect(pickChoice(question, 'nope, I have years of experience')).toBe('no');
    expect(pickChoice(question, 'yes and no')).toBeUndefined();
    expect(pickChoice(question, 'banana')).toBeUndefined();
  });

  it('cancel words stop a guide', () => {
    for (const w of ['cancel', 'Stop!', 'never mind']) expect(isCancel(w)).toBe(true);
    expect(isCancel('cancel my subscription')).toBe(false);
  });

  it('every path of the guide ends on the page\'s reasons: CCA for newcomers, CPC for coders, RHIT for records; both when two fit', () => {
    expect(chooseOutcome(guide, { new: 'yes', goal: 'records' }).intents).toEqual(['certs.cca', 'certs.rhit']);
    expect(chooseOutcome(guide, { new: 'yes', goal: 'coding' }).intents).toEqual(['certs.cca', 'certs.cpc']);
    expect(chooseOutcome(guide, { new: 'no', goal: 'records' }).intents).toEqual(['certs.rhit']);
    expect(chooseOutcome(guide, { new: 'no', goal: 'coding' }).intents).toEqual(['certs.cpc']);
  });
});
