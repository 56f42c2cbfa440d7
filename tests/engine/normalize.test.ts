import { describe, expect, it } from 'vitest';
import { normalize, stripSlackMarkup } from '../../src/engine/normalize.js';

describe('normalize', () => {
  it('Slack markup: mentions, channels, broadcasts and emoji are removed', () => {
    expect(normalize('<@U0BOT> what certs? <!channel> <#C123|general> :money_with_wings:')).toBe('what certs?');
  });

  it('Slack markup: a link keeps its label, a bare link goes', () => {
    expect(normalize('see <https://example.com|the page> and <https://x.y>')).toBe('see the page and');
  });

  it('Slack markup: bold, italic, strike and code keep their words', () => {
    expect(stripSlackMarkup('*pay* for _coders_ ~now~ `cpc`')).toBe('pay for coders now cpc');
  });

  it('Unicode: case, accents, full-width letters and zero-width characters fold away', () => {
    expect(normalize('ＳＡＬＡＲＹ for Café\u200B coders')).toBe('salary for cafe coders');
  });

  it('Punctuation becomes space, possessives and apostrophes go, sentence marks stay for splitting', () => {
    expect(normalize("What's the coder's pay?!")).toBe('what the coder pay?!');
  });

  it('Control characters and very long text are bounded', () => {
    expect(normalize('pay\u0000\u0007 now')).toBe('pay now');
    expect(normalize('a '.repeat(100_000), 50).length).toBeLessThanOrEqual(50);
  });

  it('Plain ASCII takes the short path to the same words: case, tabs, newlines, backquoted apostrophes', () => {
    expect(normalize('What  IS\tthe\npay')).toBe('what is the pay');
    expect(normalize('what`s the pay')).toBe('what the pay');
    expect(normalize('WHAT IS THE PAY')).toBe(normalize('ｗｈａｔ ｉｓ ｔｈｅ ｐａｙ'));
  });
});
