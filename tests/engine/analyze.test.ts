import { describe, expect, it } from 'vitest';
import { Analyzer, wordsOf } from '../../src/engine/analyze.js';

const lexicon = { synonyms: {}, fillers: [], keep: [] };

describe('text analysis', () => {
  it('Contractions without their apostrophe read as the function words they stand for', () => {
    expect(wordsOf("I'm new, I don't know whats next")).toEqual(['i', 'am', 'new', 'i', 'do', 'not', 'know', 'what', 'is', 'next']);
    expect(wordsOf('im a beginner')).toEqual(['i', 'am', 'a', 'beginner']);
  });

  it('Function words stay terms but are never the topic and never form pairs', () => {
    const analyzer = new Analyzer(lexicon, 1000, 3, false);
    const a = analyzer.analyze("i can't find a job");
    expect(a.terms).toEqual(['i', 'can', 'not', 'find', 'a', 'job']);
    expect(a.content).toEqual(['find', 'job']);
    expect(a.pairs).toEqual(['find job']);
  });

  it('A filler is dropped in any inflection ("gives" as well as "give"), so it never counts as an unknown word', () => {
    const analyzer = new Analyzer({ synonyms: {}, fillers: ['give', 'need'], keep: [] }, 1000, 3, false);
    expect(analyzer.analyze('who gives the cca').terms).toEqual(['who', 'the', 'cca']);
    expect(analyzer.analyze('what is needed').terms).toEqual(['what', 'is']);
  });

  it('A short typo may become a kept function word too: "how muh" is "how much"', () => {
    const analyzer = new Analyzer({ synonyms: {}, fillers: [], keep: ['much'] }, 1000, 3, false);
    analyzer.setVocabulary(['how much does it pay']);
    expect(analyzer.analyze('how muh').terms).toEqual(['how', 'much']);
  });
});
