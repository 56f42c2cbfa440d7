/**
 * Splits a normalised question into the parts a person joined ("what's the pay and how long is the
 * training?"), so each part can be answered. Parts without a word of their own are dropped.
 */
const JOINERS = /[?;!.]+|,?\s+(?:and also|and then|as well as|and|also|plus)\s+/;

/** The question's parts, in order; one part when there is nothing to split. */
export function splitParts(normalized: string): string[] {
  return normalized
    .split(JOINERS)
    .map((p) => p.replace(/[,.]/g, ' ').trim())
    .filter((p) => p.split(/\s+/).filter((w) => w.length > 2).length >= 2);
}
