import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeBaseError } from '../../src/kb/errors.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { staleFacts } from '../../src/kb/validate.js';
import { FIXTURES } from '../helpers.js';

const knowledgeDir = join(FIXTURES, 'kb', 'knowledge');
const load = (broken: string) => () =>
  loadKnowledgeBase({ knowledgeDir, intentsDir: join(FIXTURES, 'kb', 'broken', broken), minUtterances: 4 });

function problemsOf(broken: string): string[] {
  try {
    load(broken)();
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error.message.split('\n').slice(1).map((l) => l.trim());
    throw error;
  }
  throw new Error(`${broken} loaded without an error`);
}

describe('knowledge base validation', () => {
  it('accepts the fixture and the product knowledge bases', () => {
    expect(() => loadKnowledgeBase({ knowledgeDir, intentsDir: join(FIXTURES, 'kb', 'intents'), minUtterances: 4 })).not.toThrow();
  });

  it('an unknown fact reference names the file, the path and the fact', () => {
    expect(problemsOf('unknown-fact')).toEqual(['broken/unknown-fact/topics.yaml: intents[0].answer: unknown fact "pay.middle"']);
  });

  it('an unknown follow-up id is refused', () => {
    expect(problemsOf('unknown-follow-up')).toEqual([
      'broken/unknown-follow-up/topics.yaml: intents[0].followUps[0]: unknown follow-up intent "tolls"',
    ]);
  });

  it('a duplicate intent id is refused with where the first one is', () => {
    expect(problemsOf('duplicate-id')).toEqual([
      'broken/duplicate-id/topics.yaml: intents[1].id: duplicate intent id "pay" (also in broken/duplicate-id/topics.yaml intents[0])',
    ]);
  });

  it('the same utterance under two intents is refused', () => {
    expect(problemsOf('duplicate-utterance')).toEqual([
      'broken/duplicate-utterance/topics.yaml: intents[1].utterances[2]: the utterance "What is the salary?" is also under "pay"',
    ]);
  });

  it('an empty answer is refused', () => {
    expect(problemsOf('empty-answer')).toEqual(['broken/empty-answer/topics.yaml: intents[0].answer: the answer is empty']);
  });

  it('a YAML syntax error names the file', () => {
    expect(problemsOf('bad-yaml')[0]).toMatch(/^broken\/bad-yaml\/topics\.yaml: is not valid YAML: /);
  });

  it('a value of the wrong type names its path', () => {
    expect(problemsOf('wrong-type')[0]).toMatch(/^broken\/wrong-type\/topics\.yaml: intents\[0\]\.utterances: /);
  });

  it('the whole error tells what to do next', () => {
    expect(load('empty-answer')).toThrow(/fix these and run `faqbot check`/);
  });

  it('facts older than the allowed age are reported as stale', () => {
    const kb = loadKnowledgeBase({ knowledgeDir, intentsDir: join(FIXTURES, 'kb', 'intents'), minUtterances: 4 });
    expect(staleFacts(kb.knowledge, 365, new Date('2026-06-01')).length).toBe(0);
    expect(staleFacts(kb.knowledge, 365, new Date('2027-06-01')).map((f) => f.id)).toContain('pay.start');
  });
});
