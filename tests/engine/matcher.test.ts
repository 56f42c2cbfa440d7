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
