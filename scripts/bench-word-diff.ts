/**
 * Benchmark of the revision diff (libs/domain/src/proposals/word-diff.ts). Not a test: it prints figures.
 *
 *   npx ts-node -r tsconfig-paths/register scripts/bench-word-diff.ts
 *   Options: BENCH_SIZES=1000,10000,40000,100000 (characters)  BENCH_UNBOUNDED_MAX=20000
 *
 * For each size it times, in milliseconds, on texts of that many characters in Arabic and English:
 *   - similar: the text with every twentieth word changed (the everyday case: exact word diff);
 *   - unlike:  two unrelated texts (the worst case: the budget runs out and lines are compared);
 *   - the longest pause of the event loop while the bounded diff runs (how long other requests wait),
 *   - baseline: the unbounded word diff (the behaviour before the budget), up to BENCH_UNBOUNDED_MAX
 *     characters only, since two unlike 100,000-character texts take tens of seconds.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { boundedWordDiff, DEFAULT_DIFF_STEPS, wordDiff } from '@majlis/domain';
import { ARABIC_WORDS as ARABIC, ENGLISH_WORDS as ENGLISH, sampleText as text } from '@majlis/testing';

const similar = (source: string): string =>
  source
    .split(' ')
    .map((word, i) => (i % 20 === 0 ? `${word}x` : word))
    .join(' ');

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; result: T; maxPauseMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  histogram.disable();
  return { ms, result, maxPauseMs: histogram.max / 1e6 };
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,40000,100000').split(',').map(Number);
  const unboundedMax = Number(process.env.BENCH_UNBOUNDED_MAX ?? 20000);
  process.stdout.write(
    `word diff, budget ${DEFAULT_DIFF_STEPS.toLocaleString('en')} steps, Node ${process.version}\n` +
      'size (chars) | case    | bounded ms | coarse | longest event-loop pause ms | unbounded ms (baseline)\n',
  );
  for (const size of sizes) {
    for (const [label, before, after] of [
      ['similar', text(1, size, ENGLISH), similar(text(1, size, ENGLISH))],
      ['unlike', text(2, size, ARABIC), text(3, size, ENGLISH)],
    ] as const) {
      const bounded = await timed(() => boundedWordDiff(before, after));
      const baseline = size <= unboundedMax ? (await timed(() => wordDiff(before, after))).ms.toFixed(1) : 'skipped';
      process.stdout.write(
        `${String(size).padStart(12)} | ${label.padEnd(7)} | ${bounded.ms.toFixed(1).padStart(10)} | ${String(bounded.result.coarse).padEnd(6)} | ${bounded.maxPauseMs.toFixed(1).padStart(27)} | ${baseline}\n`,
      );
    }
  }
  process.stdout.write('See libs/domain/src/proposals/word-diff.ts (DEFAULT_DIFF_STEPS) to change the budget.\n');
}

void main();
