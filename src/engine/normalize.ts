/**
 * Text normalisation: turns what people type (in Slack, a browser or a terminal) into plain
 * lower-case words, so the matcher sees the question and not its markup.
 */

const ZERO_WIDTH = /[\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/g;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
const COMBINING = /\p{M}+/gu;
const MARKUP_CHARS = /[<>:*_~`]/;
const FOLDABLE = /[^\x20-\x7E]/;

/** Removes Slack's markup: mentions, channel and broadcast tokens, links, emoji and emphasis. */
export function stripSlackMarkup(text: string): string {
  // Most questions have none of markup's characters: no pass of the five patterns then.
  if (!MARKUP_CHARS.test(text)) return text;
  return text
    .replace(/```[\s\S]*?```/g, (block) => block.slice(3, -3))
    .replace(/<([^<>|]+)\|([^<>]*)>/g, (_m, target: string, label: string) =>
      /^[@#!]/.test(target) ? ' ' : ` ${label} `,
    )
    .replace(/<[^<>]*>/g, ' ')
    .replace(/:[a-z0-9_+'-]+:/gi, ' ')
    .replace(/(^|\s)[*_~`]+(?=\S)|(?<=\S)[*_~`]+(?=\s|$|[?!.,;:])/g, '$1');
}

/** Folds Unicode forms, accents, case, quotes and invisible characters to plain lower-case text. */
export function foldText(text: string): string {
  // Printable ASCII has nothing to fold but case and the backquote.
  if (!FOLDABLE.test(text)) return text.toLowerCase().replace(/`/g, "'");
  return text
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(CONTROL, ' ')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC`´]/g, "'");
}

/**
 * The matcher's view of a question: markup removed, folded, truncated to `maxChars`,
 * possessives and apostrophes dropped, punctuation turned into spaces.
 */
export function normalize(text: string, maxChars = Number.POSITIVE_INFINITY): string {
  const clipped = text.length > maxChars * 2 ? text.slice(0, maxChars * 2) : text;
  const folded = foldText(stripSlackMarkup(clipped)).slice(0, maxChars);
  // One pass turns every run of other characters (spaces among them) into a single space.
  return (folded.includes("'") ? folded.replace(/'s\b/g, '').replace(/'/g, '') : folded).replace(/[^a-z0-9?;.!,]+/g, ' ').trim();
}
