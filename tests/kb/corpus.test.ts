import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withConfig } from '../../src/engine/config.js';
import { createEngine } from '../../src/engine/engine.js';
import { knowledgeBaseFromCorpus, parseCorpus } from '../../src/kb/corpus.js';
import { FIXTURES } from '../helpers.js';

const corpus = parseCorpus(
  {
    name: 'tiny',
    intents: {
      Weather: ['will it rain tomorrow', 'what is the forecast for today', 'is it sunny outside'],
      Music: ['play some jazz', 'put on a song by queen', 'start my playlist'],
      none: ['what is the capital of peru'],
    },
  },
  'tiny.train.json',
);

describe('a knowledge base from a training corpus', () => {
  it('each intent answers with its name; none holds the fallback examples', () => {
    const kb = knowledgeBaseFromCorpus(corpus);
    expect(kb.intents.map((i) => i.id)).toEqual(['Weather', 'Music']);
    expect(kb.negatives).toEqual(['what is the capital of peru']);
  });

  it('the product matcher classifies with it', () => {
    const engine = createEngine(knowledgeBaseFromCorpus(corpus));
    expect(engine.decide('is it going to rain').intent).toBe('Weather');
    expect(engine.decide('play a song').intent).toBe('Music');
  });

  it('Function words only: a phrasing an intent is taught ("where are you from") is answered; elsewhere such a question names no topic', () => {
    const taught = parseCorpus({ name: 'origin', intents: { ...corpus.intents, Origin: ['where are you from', 'what country do you come from', 'where were you born'] } }, 'origin.train.json');
    expect(createEngine(knowledgeBaseFromCorpus(taught)).decide('where are you from').intent).toBe('Origin');
    expect(createEngine(knowledgeBaseFromCorpus(corpus)).decide('is it').kind).toBe('fallback');
  });

  it('a malformed corpus names the file and what is wrong', () => {
    expect(() => parseCorpus({ intents: { A: 'x' } }, 'bad.json')).toThrow('bad.json: intents.A must be a list of utterances');
    expect(() => parseCorpus([], 'bad.json')).toThrow('bad.json: a training corpus is');
  });
});

describe('a corpus whose intents share most of their phrasing', () => {
  const trains = knowledgeBaseFromCorpus(
    parseCorpus(JSON.parse(readFileSync(join(FIXTURES, 'corpora', 'chatbot.train.json'), 'utf8')), 'chatbot.train.json'),
  );
  const questions = ['when is the next train from sendlinger tor to lehel', 'when is the train from odeonsplatz to lehel'];

  it('Deciding word: "when is the next train from A to B" is a connection, which similarity alone calls a departure', () => {
    const similarityOnly = createEngine(trains, withConfig({ softmaxWeight: 0 }));
    const product = createEngine(trains);
    for (const q of questions) {
      expect(similarityOnly.decide(q).intent, q).toBe('DepartureTime');
      expect(product.decide(q).intent, q).toBe('FindConnection');
    }
    expect(product.decide('when is the next train from garching').intent).toBe('DepartureTime');
  });
});
