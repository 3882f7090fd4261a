import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `condition` until it holds; fails after `timeoutMs` with `what` and the last value seen. */
export async function eventually(
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
  what = 'the condition',
  everyMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}
