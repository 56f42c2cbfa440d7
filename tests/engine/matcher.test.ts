import { describe, expect, it } from 'vitest';
import { Matcher } from '../../src/engine/matcher.js';

const examples = [
  { label: 'weather', terms: ['rain', 'today'] },
  { label: 'weather', terms: ['sunni', 'tomorrow'] },
  { label: 'music', terms: ['play', 'song'] },
  { label: 'music', terms: ['play', 'jazz'] },
  { label: 'none', terms: ['joke'] },
];

describe('Matcher', () => {
  const matcher = new Matcher(examples, { nearestWeight: 0.6, unknownWordWeight: 1, queryCoverage: 0.5, outsideLabel: 'none' });

  it('ranks the label whose examples share the question terms first', () => {
    const ranked = matcher.rank(['play', 'jazz']);
    expect(ranked[0]!.label).toBe('music');
    expect(ranked[0]!.score).toBeGreaterThan(0.9);
  });

  it('scores stay in [0, 1] and are deterministic', () => {
    const a = matcher.rank(['rain', 'song', 'unknownword']);
    expect(a).toEqual(matcher.rank(['rain', 'song', 'unknownword']));
    for (const r of a) expect(r.score).toBeGreaterThanOrEqual(0);
    for (const r of a) expect(r.score).toBeLessThanOrEqual(1);
  });

  it('unknown words lower the score: the question is partly about something else', () => {
    const clean = matcher.rank(['rain', 'today'])[0]!.score;
    const noisy = matcher.rank(['rain', 'today', 'stocks'])[0]!.score;
    expect(noisy).toBeLessThan(clean);
  });

  it('outside share counts unknown words and words seen only in fallback examples', () => {
    expect(matcher.outsideShare(['rain'])).toBe(0);
    expect(matcher.outsideShare(['joke'])).toBe(1);
    expect(matcher.outsideShare(['zzz', 'rain'])).toBeGreaterThan(0.4);
  });

  it('a question with no terms ranks nothing', () => {
    expect(matcher.rank([])).toEqual([]);
  });
});

/** Similarity settings, and the fitted model's, shared by the tests below. */
const base = { nearestWeight: 0.6, unknownWordWeight: 1.2, queryCoverage: 0.7 };
const softmax = { weight: 0.2, epochs: 20, minEpochs: 3, rate: 1, l2: 0.0001, seed: 1, maxWork: 1e8, candidates: 64, trigramWeight: 1 };

describe('Matcher with a fitted model', () => {
  // Departure and connection questions share "when next train from"; "to" separates them (the
  // engine-level scenario is in tests/kb/corpus.test.ts, on a real corpus).
  const t = (s: string): string[] => s.split(' ');
  const trains = [
    { label: 'departure', terms: t('when next train from garching') },
    { label: 'departure', terms: t('when next bus from hauptbahnhof') },
    { label: 'departure', terms: t('when next train leav') },
    { label: 'departure', terms: t('when next train in nordfriedhof') },
    { label: 'departure', terms: t('when next subway from odeonsplatz') },
    { label: 'departure', terms: t('when train leav in garching') },
    { label: 'connection', terms: t('how get from garching to odeonsplatz') },
    { label: 'connection', terms: t('connect from lehel to garching') },
    { label: 'connection', terms: t('when next train from nordfriedhof to garching') },
    { label: 'connection', terms: t('how get to lehel') },
    { label: 'connection', terms: t('from garching to perlach') },
  ];
  const question = t('when next train from winterstrass to kieferngarten');

  it('Blend: with the model, scores move off the similarity but stay in [0, 1] and deterministic', () => {
    const fitted = new Matcher(trains, { ...base, softmax });
    const ranked = fitted.rank(question);
    expect(ranked).toEqual(new Matcher(trains, { ...base, softmax }).rank(question));
    expect(ranked).not.toEqual(new Matcher(trains, base).rank(question));
    for (const r of ranked) expect(r.score).toBeGreaterThanOrEqual(0);
    for (const r of ranked) expect(r.score).toBeLessThanOrEqual(1);
  });

  it('Bounded work: with almost no work allowed the model is still fitted (fewer passes, shared features left out) and still decides by "to"', () => {
    const small = new Matcher(trains, { ...base, softmax: { ...softmax, weight: 0.8, maxWork: 50 } });
    expect(small.rank(question)[0]!.label).toBe('connection');
    expect(small.rank(question)).not.toEqual(new Matcher(trains, base).rank(question));
  });

  it('Sparse share: the model fitted sparse (past the work budget) takes `sparseWeight`, fitted dense `weight`', () => {
    const learned = (m: Matcher): number => m.rank(question).find((r) => r.label === 'connection')!.learned!;
    const dense = new Matcher(trains, { ...base, softmax: { ...softmax, weight: 0.2, sparseWeight: 0.6 } });
    const sparse = new Matcher(trains, { ...base, softmax: { ...softmax, weight: 0.2, sparseWeight: 0.6, maxWork: 50 } });
    const sparseAtWeight = new Matcher(trains, { ...base, softmax: { ...softmax, weight: 0.2, maxWork: 50 } });
    expect(learned(dense)).toBeLessThanOrEqual(0.2);
    expect(learned(sparse)).toBeCloseTo(learned(sparseAtWeight) * 3, 12);
    expect(new Matcher(trains, { ...base, softmax: { ...softmax, weight: 0.2, sparseWeight: 0, maxWork: 50 } }).rank(question)).toEqual(new Matcher(trains, base).rank(question));
  });
});

describe('Matcher with word pairs', () => {
  // Both intents use every word: only their order ("call me", "call you") tells them apart.
  const t = (s: string): string[] => s.split(' ');
  const examples = [
    { label: 'user', terms: t('call me bob') },
    { label: 'user', terms: t('pleas call me sam') },
    { label: 'user', terms: t('you should call me ann') },
    { label: 'ai', terms: t('call you bob') },
    { label: 'ai', terms: t('i will call you sam') },
    { label: 'ai', terms: t('me and you call you ann') },
  ];
  const question = t('now call me max');
  const learned = (m: Matcher): number => m.rank(question).find((r) => r.label === 'user')!.learned!;

  it('Sparse only: a model fitted sparse learns the pairs; fitted dense (a small knowledge base) it has none', () => {
    const sparse = (bigramWeight: number): Matcher => new Matcher(examples, { ...base, softmax: { ...softmax, sparseWeight: 0.5, maxWork: 400, bigramWeight } });
    expect(learned(sparse(1))).toBeGreaterThan(learned(sparse(0)));
    const dense = (bigramWeight: number): Matcher => new Matcher(examples, { ...base, softmax: { ...softmax, bigramWeight } });
    expect(dense(1).rank(question)).toEqual(dense(0).rank(question));
  });
});

describe('Matcher with a single label', () => {
  it('One label: no model is fitted, so an unrelated question is not lifted by a constant probability', () => {
    const one = [{ label: 'only', terms: ['rain', 'today'] }, { label: 'only', terms: ['sunni', 'tomorrow'] }];
    expect(new Matcher(one, { ...base, softmax }).rank(['rain', 'stocks', 'bonds'])).toEqual(new Matcher(one, base).rank(['rain', 'stocks', 'bonds']));
  });
});

describe('Matcher with letter trigrams', () => {
  const t = (s: string): string[] => s.split(' ');
  const examples = [
    { label: 'sync', terms: t('sync googl calendar') },
    { label: 'sync', terms: t('synchron contact phone') },
    { label: 'sync', terms: t('sync bookmark') },
    { label: 'delete', terms: t('delet googl account') },
    { label: 'delete', terms: t('remov googl profil') },
    { label: 'delete', terms: t('delet twitter account') },
  ];

  it('Unknown word: "synchronis" is no example\'s word, but its letters point to sync', () => {
    const question = t('googl synchronis');
    expect(new Matcher(examples, { ...base, softmax: { ...softmax, trigramWeight: 0 } }).rank(question)[0]!.label).toBe('delete');
    expect(new Matcher(examples, { ...base, softmax: { ...softmax, trigramWeight: 1 } }).rank(question)[0]!.label).toBe('sync');
  });
});
