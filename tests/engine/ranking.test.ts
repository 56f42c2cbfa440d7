import { describe, expect, it } from 'vitest';
import { withoutSilent } from '../../src/engine/ranking.js';
import type { Analysis } from '../../src/engine/analyze.js';

const analysis = (terms: string[], content: string[], pairs: string[] = []): Analysis => ({ terms, content, pairs, corrections: [] });

describe('withoutSilent: the career a question names is left out of the matching', () => {
  it('Name left out: with two other words left, only they and their pairs are matched', () => {
    const a = analysis(['pta', 'salari', 'entri', 'level'], ['pta', 'salari', 'entri', 'level'], ['pta salari', 'entri level']);
    expect(withoutSilent(a, new Set(['pta']))).toEqual(['salari', 'entri', 'level', 'entri level']);
  });

  it('Short name spelled out: "what does a PTA do" is matched as the career\'s title when little else is said', () => {
    const a = analysis(['what', 'do', 'a', 'pta', 'do'], ['pta']);
    expect(withoutSilent(a, new Set(['pta']), ['physic', 'therapist', 'assist'])).toEqual(['what', 'do', 'a', 'do', 'physic', 'therapist', 'assist']);
  });

  it('Full name kept as typed: a question giving the title itself keeps its words and their pairs', () => {
    const a = analysis(['what', 'do', 'medic', 'record', 'specialist', 'do'], ['medic', 'record', 'specialist'], ['medic record', 'record specialist']);
    expect(withoutSilent(a, new Set(['medic', 'record', 'specialist']), ['medic', 'record', 'specialist', 'medic record'])).toEqual([...a.terms, ...a.pairs]);
  });
});
