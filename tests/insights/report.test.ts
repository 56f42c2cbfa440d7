import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/insights/report.js';
import { reportText } from '../../src/insights/report-text.js';
import type { StoredQuestion } from '../../src/store/types.js';
import { productEngine } from '../helpers.js';

const now = Date.UTC(2026, 10, 24, 12);
const h = 3_600_000;
let n = 0;
const row = (question: string, intent: string, outcome: string, hoursAgo: number, helpful: boolean | null = null): StoredQuestion => ({
  id: `id${++n}`, at: now - hoursAgo * h, channel: 'slack', userKey: 'k', question, intent, confidence: 0.5, outcome, helpful,
});

const rows = [
  row('what is the salary', 'salary', 'answer', 1, true),
  row('pay for beginners', 'salary.entry', 'answer', 2, false),
  row('how much is the cpc exam fee', 'none', 'fallback', 3),
  row('what does the cpc exam fee cost', 'none', 'fallback', 26),
  row('where can I park', 'none', 'fallback', 27),
  row('[withheld: patient identifiers]', 'none', 'privacy', 4),
  row('do I need a degree', 'training.degree', 'answer', 50),
  row('too old', 'salary', 'answer', 24 * 40),
];

describe('advisor report', () => {
  const r = buildReport(rows, productEngine(), { now, days: 7 });

  it('counts questions, answer rate (withheld ones left out) and helpful rate over the window', () => {
    expect(r).toMatchObject({ questions: 7, answered: 3, fellBack: 3, withheld: 1, answerRate: 0.5, helpful: 1, unhelpful: 1, helpfulRate: 0.5 });
    expect(r.perDay.reduce((s, d) => s + d.questions, 0)).toBe(7);
    expect(r.perDay).toHaveLength(8);
  });

  it('top intents fold refinements into their family', () => {
    expect(r.topIntents[0]).toEqual({ intent: 'salary', label: 'Salary', count: 2 });
  });

  it('groups similar unanswered questions, with the closest intent to add them to', () => {
    expect(r.gaps[0]).toMatchObject({ count: 2, reasons: ['unanswered'], closest: { intent: 'certs.cpc' } });
    expect(r.gaps[0]!.examples).toEqual(['what does the cpc exam fee cost', 'how much is the cpc exam fee']);
    expect(r.gaps.find((g) => g.reasons.includes('unhelpful'))!.question).toBe('pay for beginners');
  });

  it('reads as text for a terminal', () => {
    const text = reportText(r);
    expect(text).toContain('Answer rate: 50%   Helpful rate: 50%');
    expect(text).toMatch(/2 {2}"how much is the cpc exam fee" \[unanswered\] {2}closest: CPC/);
  });
});
