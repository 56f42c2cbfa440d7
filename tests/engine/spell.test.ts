import { describe, expect, it } from 'vitest';
import { SpellCorrector, editDistance } from '../../src/engine/spell.js';

const vocab = new Map([
  ['salary', 3],
  ['certifications', 2],
  ['responsibilities', 1],
  ['hipaa', 1],
  ['degree', 2],
  ['later', 1],
]);

describe('spelling correction', () => {
  const corrector = new SpellCorrector(vocab, 5);

  it('Typo tolerance: one or two edits find the known word', () => {
    expect(corrector.correct('salery')).toBe('salary');
    expect(corrector.correct('certifcations')).toBe('certifications');
    expect(corrector.correct('responsibilites')).toBe('responsibilities');
    expect(corrector.correct('degre')).toBe('degree');
  });

  it('Typo tolerance: a word of seven letters or more may be two edits off ("sallery" -> "salary")', () => {
    expect(corrector.correct('sallery')).toBe('salary');
    expect(corrector.correct('salry')).toBe('salary');
  });

  it('Abbreviations: a word of five letters or more that begins a longer known word reads as it ("phleb", "phlebs" -> "phlebotomist"); shorter ones stay unknown', () => {
    const c = new SpellCorrector(new Map([['phlebotomist', 3], ['phlebotomy', 1], ['dental', 1]]), 5);
    expect(c.correct('phleb')).toBe('phlebotomist');
    expect(c.correct('phlebs')).toBe('phlebotomist');
    expect(c.correct('dent')).toBe(null);
    expect(c.correct('dentis')).toBe(null);
  });

  it('Typo tolerance: a transposition counts as one edit (hippa -> hipaa)', () => {
    expect(editDistance('hippa', 'hipaa')).toBe(1);
    expect(corrector.correct('hippa')).toBe('hipaa');
  });

  it('A word of another domain stays unknown instead of becoming a near word', () => {
    expect(corrector.correct('lawyer')).toBeNull();
    expect(corrector.correct('plumber')).toBeNull();
  });

  it('Short words and numbers are never corrected', () => {
    expect(corrector.correct('pay')).toBeNull();
    expect(corrector.correct('12345')).toBeNull();
  });
});

describe('spelling correction of short words', () => {
  const corrector = new SpellCorrector(new Map([['now', 2], ['what', 3], ['pay', 1]]), 3, new Set(['now', 'not', 'what']));

  it('A function word is never a typo, even one no example uses ("not" does not become "now")', () => {
    expect(corrector.correct('not')).toBe('not');
    expect(corrector.correct('whxt')).toBe('what');
  });
});

describe('spelling correction of sticky keys and swapped letters', () => {
  const corrector = new SpellCorrector(
    new Map([['entry', 2], ['rhit', 2], ['care', 1], ['pay', 3], ['does', 4], ['code', 1]]),
    3,
    new Set(['does']),
  );

  it('Held key: a letter repeated three times or more is squeezed ("entttry" -> "entry", "rhhhit" -> "rhit")', () => {
    expect(corrector.correct('entttry')).toBe('entry');
    expect(corrector.correct('rhhhit')).toBe('rhit');
  });

  it('A double letter is not a held key: "dress" stays unknown instead of becoming "does"', () => {
    expect(corrector.correct('dress')).toBeNull();
  });

  it('Swapped letters: a short word becomes the word it swaps two neighbours of ("crae" -> "care"), never a nearby word ("play" is not "pay")', () => {
    expect(corrector.correct('crae')).toBe('care');
    expect(corrector.correct('play')).toBeNull();
  });
});
