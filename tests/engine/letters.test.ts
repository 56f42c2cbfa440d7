import { describe, expect, it } from 'vitest';
import { TrigramSpace, letterTrigrams } from '../../src/engine/letters.js';

describe('letter trigrams', () => {
  it('a word gives its trigrams with its edges marked', () => {
    expect(letterTrigrams('code')).toEqual(['<co', 'cod', 'ode', 'de>']);
    expect(letterTrigrams('a')).toEqual(['<a>']);
  });

  it('ids follow the words\' ids; a question adds only trigrams the examples had', () => {
    const space = new TrigramSpace(10, 1);
    const example = new Map<number, number>();
    space.add(example, ['ab'], true);
    expect([...example.keys()]).toEqual([10, 11]);
    expect(space.size).toBe(12);
    const question = new Map<number, number>();
    space.add(question, ['abz'], false);
    expect([...question.keys()]).toEqual([10]);
    expect(space.size).toBe(12);
  });

  it('a text\'s trigram part has the given norm, however long the text', () => {
    const features = new Map<number, number>();
    new TrigramSpace(0, 2).add(features, ['alpha', 'omega'], true);
    const norm = Math.sqrt([...features.values()].reduce((a, v) => a + v * v, 0));
    expect(norm).toBeCloseTo(2, 10);
  });
});
