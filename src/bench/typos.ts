/** A small seeded PRNG (mulberry32): the same seed gives the same typos on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One keyboard slip in a word: a letter swapped with its neighbour, dropped, doubled or replaced. */
function slip(word: string, rand: () => number): string {
  const i = 1 + Math.floor(rand() * (word.length - 2));
  switch (Math.floor(rand() * 4)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default:
      return word.slice(0, i) + LETTERS[Math.floor(rand() * 26)] + word.slice(i + 1);
  }
}

/** The question with one or two character edits in its longer words (deterministic for a seed). */
export function withTypos(text: string, rand: () => number): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => (/^[A-Za-z]{4,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const edits = 1 + Math.floor(rand() * 2);
  for (let e = 0; e < edits; e++) {
    const at = candidates[Math.floor(rand() * candidates.length)]!;
    words[at] = slip(words[at]!, rand);
  }
  return words.join(' ');
}
