import { seeded } from './typos.js';

/** A figure to three decimals, as the benchmark prints them. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Latency {
  readonly p50Us: number;
  readonly p99Us: number;
  readonly qps: number;
}

type Classify = (text: string) => unknown;

/** Passes over the questions for at least `minSamples` timings. */
const roundsFor = (questions: readonly string[], minSamples: number): number => Math.max(2, Math.ceil(minSamples / Math.max(1, questions.length)));

/** Untimed passes: as many as the timed ones (a server answers many questions; the first after a start are slower for every engine while V8 compiles), at most ~2 s after the first. */
async function warmUp(classify: Classify, questions: readonly string[], rounds: number): Promise<void> {
  const until = performance.now() + 2000;
  for (let r = 0; r < rounds && (r === 0 || performance.now() < until); r++) for (const q of questions) await classify(q);
}

/** One timed block: per-question latency over `rounds` passes, and questions per second. */
async function timeBlock(classify: Classify, questions: readonly string[], rounds: number): Promise<Latency & { seconds: number }> {
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t0 = process.hrtime.bigint();
      await classify(q);
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  samples.sort((a, b) => a - b);
  return { p50Us: percentile(samples, 50), p99Us: percentile(samples, 99), qps: samples.length / seconds, seconds };
}

/** Each figure the median of the blocks'. */
function medianOf(figures: readonly Latency[]): Latency {
  const median = (pick: (l: Latency) => number): number => {
    const sorted = figures.map(pick).sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return Math.round(sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
  };
  return { p50Us: median((l) => l.p50Us), p99Us: median((l) => l.p99Us), qps: median((l) => l.qps) };
}

/**
 * Times a classifier on questions in its steady state: after as many untimed passes as timed ones,
 * per-question latency (p50, p99, in microseconds) over enough passes for `minSamples` timings, and
 * questions per second on this one thread. The timing runs `blocks` times and each figure is the
 * median of the blocks', so one stall of a shared machine does not decide a p99. No collection is
 * forced between blocks: a server never forces one, and after a forced full collection V8's
 * young-generation collections ran 2-4 ms instead of 0.5-0.9 ms, tripling the store's p99. A slow
 * engine (fuse.js over every example) gets fewer blocks: at most ~10 s of blocks after the first.
 */
export async function timeQuestions(classify: Classify, questions: readonly string[], minSamples = 2000, blocks = 5): Promise<Latency> {
  return (await timeTogether([classify], questions, minSamples, blocks))[0]!;
}

/**
 * Times several classifiers as `timeQuestions` does, their blocks taken in turn, in a new seeded
 * random order each round, so a slow spell of a shared machine falls on all of them rather than on
 * whichever was being timed, and no engine's block always follows the same engine (whose garbage
 * it would collect): the figures of engines compared with each other.
 */
export async function timeTogether(classifiers: readonly Classify[], questions: readonly string[], minSamples = 2000, blocks = 5): Promise<Latency[]> {
  const rounds = roundsFor(questions, minSamples);
  for (const classify of classifiers) await warmUp(classify, questions, rounds);
  const figures: Latency[][] = classifiers.map(() => []);
  const spent = classifiers.map(() => 0);
  const random = seeded(20261126);
  for (let b = 0; b < blocks; b++) {
    const order = classifiers.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const c of order) {
      if (b > 0 && spent[c]! >= 10) continue;
      const block = await timeBlock(classifiers[c]!, questions, rounds);
      if (b > 0) spent[c]! += block.seconds;
      figures[c]!.push(block);
    }
  }
  return figures.map(medianOf);
}

/** Time of `load`, and heap and RSS growth while it runs in MiB (after a garbage collection where one is exposed; never below 0). */
export async function memoryOf(load: () => Promise<void>): Promise<{ ms: number; heapMb: number; rssMb: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  await load();
  const ms = performance.now() - t0;
  gc?.();
  const after = process.memoryUsage();
  const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
  return { ms: Math.round(ms * 10) / 10, heapMb: Math.max(0, mb(after.heapUsed - before.heapUsed)), rssMb: Math.max(0, mb(after.rss - before.rss)) };
}
