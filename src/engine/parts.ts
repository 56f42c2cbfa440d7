/**
 * Splits a normalised question into the parts a person joined ("what's the pay and how long is the
 * training?"), so each part can be answered. Parts without a word of their own are dropped.
 */
const JOINERS = /[?;!.]+|,?\s+(?:and also|and then|as well as|and|also|plus)\s+/;

/** "between a coder and a technician": an "and" that joins the two sides of one comparison, not two questions. */
const BETWEEN = /\bbetween\b[^?;!.]*?\band\b/g;

/** The question's parts, in order; one part when there is nothing to split. */
export function splitParts(normalized: string): string[] {
  const masked = normalized.includes('between') ? normalized.replace(BETWEEN, (m) => `${m.slice(0, -3)}\u0000`) : normalized;
  return masked
    .split(JOINERS)
    .map((p) => p.replaceAll('\u0000', 'and').replace(/[,.]/g, ' ').trim())
    .filter((p) => p.split(/\s+/).filter((w) => w.length > 2).length >= 2);
}
