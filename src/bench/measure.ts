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

/**
 * Times a classifier on questions in its steady state: after as many untimed passes as timed ones
 * (a server answers many questions; the first after a start are slower for every engine while V8
 * compiles), per-question latency (p50, p99, in microseconds) over enough passes for `minSamples`
 * timings, and questions per second on this one thread. The timing runs `blocks` times and each
 * figure is the median of the blocks', so one stall of a shared machine does not decide a p99. No
 * collection is forced between blocks: a server never forces one, and after a forced full collection
 * V8's young-generation collections ran 2-4 ms instead of 0.5-0.9 ms, tripling the store's p99. A
 * slow engine (fuse.js over every example) gets one warm-up pass and fewer blocks: at most ~2 s of
 * warm-up and ~10 s of blocks after the first.
 */
export async function timeQuestions(classify: (text: string) => unknown, questions: readonly string[], minSamples = 2000, blocks = 5): Promise<Latency> {
  const rounds = Math.max(2, Math.ceil(minSamples / Math.max(1, questions.length)));
  const warmUntil = performance.now() + 2000;
  for (let r = 0; r < rounds && (r === 0 || performance.now() < warmUntil); r++) for (const q of questions) await classify(q);
  const figures: Latency[] = [];
  const timeUntil = performance.now() + 10_000;
  for (let b = 0; b < blocks && (b === 0 || performance.now() < timeUntil); b++) {
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
    figures.push({ p50Us: percentile(samples, 50), p99Us: percentile(samples, 99), qps: samples.length / seconds });
  }
  const median = (pick: (l: Latency) => number): number => {
    const sorted = figures.map(pick).sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return Math.round(sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
  };
  return { p50Us: median((l) => l.p50Us), p99Us: median((l) => l.p99Us), qps: median((l) => l.qps) };
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
