import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, matchesLabel, parseLabelled } from '../../src/eval/evaluate.js';
import { evaluateDialogues, isDialogueSource, parseDialogues } from '../../src/eval/dialogues.js';
import { FIXTURES, SHARED, productEngine } from '../helpers.js';

describe('evaluation', () => {
  it('a refined id counts for its parent label, never the other way round', () => {
    expect(matchesLabel('salary.entry', 'salary')).toBe(true);
    expect(matchesLabel('salary', 'salary.entry')).toBe(false);
    expect(matchesLabel('salaryx', 'salary')).toBe(false);
  });

  it('counts in-scope accuracy, out-of-scope recall and false fallbacks', () => {
    const qs = parseLabelled('{"text":"a","intent":"x"}\n{"text":"b","intent":["y","z"]}\n{"text":"c","intent":"none"}\n', 't');
    const answers: Record<string, string> = { a: 'x.more', b: 'none', c: 'none' };
    const r = evaluate(qs, (t) => ({ intent: answers[t]!, confidence: 0.5 }));
    expect(r).toMatchObject({ inScope: 2, outOfScope: 1, inScopeAccuracy: 0.5, oosRecall: 1, falseFallbacks: 1 });
    expect(r.misses).toEqual([{ text: 'b', expected: ['y', 'z'], predicted: 'none', confidence: 0.5 }]);
  });

  it('a malformed line is reported with its line number', () => {
    expect(() => parseLabelled('{"text":"a","intent":"x"}\nnot json', 'f.jsonl')).toThrow('f.jsonl:2: not JSON');
  });

  const dev = join(SHARED, 'eval', 'dev.jsonl');
  it.runIf(existsSync(dev))('dev set: in-scope accuracy >= 0.97 and out-of-scope recall >= 0.90', () => {
    const engine = productEngine();
    const r = evaluate(parseLabelled(readFileSync(dev, 'utf8'), dev), (t) => engine.decide(t));
    expect(r.inScopeAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(r.oosRecall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('generalisation', () => {
  const engine = productEngine();
  const score = (name: string) => {
    const file = join(FIXTURES, name);
    return evaluate(parseLabelled(readFileSync(file, 'utf8'), file), (t) => engine.decide(t));
  };

  it('own paraphrase set (tests/fixtures/paraphrases.jsonl, written apart from the dev set): in-scope >= 0.85, out-of-scope >= 0.90', () => {
    const r = score('paraphrases.jsonl');
    expect(r.inScopeAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(r.oosRecall).toBeGreaterThanOrEqual(0.9);
  });

  it('probe questions (tests/fixtures/probe-questions.jsonl, written later to look for gaps; data was added for some): in-scope >= 0.92, out-of-scope >= 0.80', () => {
    const r = score('probe-questions.jsonl');
    expect(r.inScopeAccuracy).toBeGreaterThanOrEqual(0.92);
    expect(r.oosRecall).toBeGreaterThanOrEqual(0.8);
  });
});

describe('dialogues', () => {
  const engine = productEngine();
  const play = (file: string) => evaluateDialogues(parseDialogues(readFileSync(file, 'utf8'), file), (t, c) => engine.decide(t, c));

  it('a dialogue file is told from a question file by its first line; bad lines name their number', () => {
    expect(isDialogueSource('{"id":"a","turns":[{"text":"x","intent":"y"}]}\n')).toBe(true);
    expect(isDialogueSource('{"text":"x","intent":"y"}\n')).toBe(false);
    expect(() => parseDialogues('{"id":"a","turns":[{"text":"x","intent":"y"}]}\n{"id":"b","turns":[{"text":1}]}', 'd.jsonl')).toThrow('d.jsonl:2:');
  });

  it('follow-ups and standalone turns are scored apart, with the context each decision returns passed on', () => {
    const dialogues = parseDialogues('{"id":"a","turns":[{"text":"q1","intent":"t"},{"text":"q2","intent":"t","context":true},{"text":"q3","intent":"none","context":true}]}', 'd');
    const seen: (string | undefined)[] = [];
    const r = evaluateDialogues(dialogues, (text, context) => {
      seen.push(context?.intent);
      return text === 'q3' ? { intent: 'none', context } : { intent: 't', context: { intent: 't', named: [] } };
    });
    expect(seen).toEqual([undefined, 't', 't']);
    expect(r).toMatchObject({ dialogues: 1, turns: 3, followUps: 2, followUpAccuracy: 1, standalone: 1, standaloneAccuracy: 1, oosFollowUps: 1, oosFollowUpRecall: 1, misses: [] });
  });

  const devDialogues = join(SHARED, 'eval', 'dialogues.dev.jsonl');
  it.runIf(existsSync(devDialogues))('dev dialogues: follow-ups >= 0.90, standalone turns >= 0.95, every out-of-scope follow-up caught', () => {
    const r = play(devDialogues);
    expect(r.followUpAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(r.standaloneAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(r.oosFollowUpRecall).toBe(1);
  });

  it('own dialogues (tests/fixtures/dialogues.jsonl, written apart; read 0.696 / 0.900 when first played, data added since): follow-ups >= 0.75, standalone >= 0.90, out-of-scope follow-ups >= 0.80', () => {
    const r = play(join(FIXTURES, 'dialogues.jsonl'));
    expect(r.followUpAccuracy).toBeGreaterThanOrEqual(0.75);
    expect(r.standaloneAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(r.oosFollowUpRecall).toBeGreaterThanOrEqual(0.8);
  });
});
