import { setTimeout as sleep } from 'node:timers/promises';
import type { GraphqlResponse } from './api-harness';

/** Whether the API answered "busy, try again" (admission control or a pool time-out). */
export const isBusy = (result: Pick<GraphqlResponse, 'errors'>): boolean =>
  result.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE';

/**
 * Sends a GraphQL call again, as a client should, while the API answers SERVICE_UNAVAILABLE: after its
 * Retry-After, spread by a random part so that refused callers do not all come back at once. Use it with
 * calls that are safe to repeat (queries, idempotency keys, version checks).
 */
export async function retryWhenBusy<T>(
  call: () => Promise<GraphqlResponse<T>>,
  attempts = 100,
): Promise<GraphqlResponse<T>> {
  for (let attempt = 1; ; attempt++) {
    const result = await call();
    if (!isBusy(result) || attempt >= attempts) return result;
    const seconds = Number(result.headers['retry-after'] ?? 1);
    await sleep(seconds * 1000 * (0.5 + Math.random()));
  }
}
