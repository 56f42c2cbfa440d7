import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NONE } from '../../src/engine/types.js';
import { productEngine } from '../helpers.js';
import { NASTY } from '../fixtures/nasty-inputs.js';

const engine = productEngine();
const known = new Set([NONE, ...engine.kb.intents.flatMap((i) => [i.id, ...i.variants.map((v) => v.id)])]);

describe('bad and hostile input through the engine', () => {
  for (const [name, text] of Object.entries(NASTY)) {
    it(`${name}: answers or falls back clearly, without throwing`, () => {
      const d = engine.decide(text);
      expect(known.has(d.intent)).toBe(true);
      expect(['answer', 'clarify', 'fallback', 'privacy']).toContain(d.kind);
    });
  }

  it('Gibberish: a message with no content word falls back, whatever it shares with an intent', () => {
    for (const text of ['a a a a', 'a'.repeat(2000), 'the the the', 'is it', 'asdf jkl; asdf', 'qwertyuiop', '?!?!', 'zzzz zzzz']) {
      expect(engine.decide(text).kind, text).toBe('fallback');
    }
    // Small talk made of function words still gets its answer, and a short topic question its topic.
    expect(engine.decide('hi').intent).toBe('chat.greeting');
    expect(engine.decide('how much').intent).toBe('salary');
  });

  it('a 100,000-character message is read only up to the limit, so it costs what a short one does', () => {
    const long = `what is the salary ${'x'.repeat(100_000)}`;
    expect(engine.decide(long).intent).toBe(engine.decide(`what is the salary ${'x'.repeat(5000)}`).intent);
  });

  it('Property: for any text, matching never throws, always returns a known intent or the fallback, and is deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.lorem({ maxCount: 30 })), (text) => {
        const a = engine.decide(text);
        const b = engine.decide(text);
        expect(known.has(a.intent)).toBe(true);
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
        expect(b).toEqual(a);
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it('Property: Slack markup wrapped around a question never changes what it matches', () => {
    const q = 'how much do medical records specialists earn';
    const base = engine.decide(q).intent;
    fc.assert(
      fc.property(fc.constantFrom('<!here>', '<!channel>', '<@U123>', ':tada:', '<#C9|x>'), fc.constantFrom('', '*', '_'), (mention, mark) => {
        expect(engine.decide(`${mention} ${mark}${q}${mark} ${mention}`).intent).toBe(base);
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
