import type { LiveTopics, LiveUpdates } from '@majlis/live';
import type { GraphqlContext } from '../graphql/graphql-context';

export type SessionsEnded = LiveTopics['sessionsEnded'];

export const isSessionsEnded = (payload: object): payload is SessionsEnded =>
  'personId' in payload && !('id' in payload);

/** A subscription's own events, and the news that its subscriber's sessions ended (for this subscriber only). */
export const endedForSubscriber = (payload: SessionsEnded, context: GraphqlContext): boolean =>
  payload.personId === context.session.actor?.personId;

type Step<T> = { source: AsyncIterator<T>; result: IteratorResult<T> };

/**
 * A subscription's events merged with `sessionsEnded`: when an administrator deactivates a person (or
 * their password is reset), each of their subscriptions gets an event at once, whose re-check of the
 * token fails and closes the socket (4403), rather than at the next change they happen to follow.
 */
export function untilSessionsEnd<T>(
  live: LiveUpdates,
  events: AsyncIterableIterator<T>,
): AsyncIterableIterator<T | SessionsEnded> {
  const sources: Array<AsyncIterator<T | SessionsEnded>> = [events, live.iterator('sessionsEnded')];
  const pending = new Map<AsyncIterator<T | SessionsEnded>, Promise<Step<T | SessionsEnded>>>();
  const pull = (source: AsyncIterator<T | SessionsEnded>): void => {
    pending.set(
      source,
      source.next().then((result) => ({ source, result })),
    );
  };
  sources.forEach(pull);
  const merged: AsyncIterableIterator<T | SessionsEnded> = {
    async next(): Promise<IteratorResult<T | SessionsEnded>> {
      while (pending.size > 0) {
        const { source, result } = await Promise.race(pending.values());
        if (result.done === true) {
          pending.delete(source);
          continue;
        }
        pull(source);
        return result;
      }
      return { done: true, value: undefined };
    },
    async return(): Promise<IteratorResult<T | SessionsEnded>> {
      pending.clear();
      await Promise.all(sources.map((source) => source.return?.()));
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return merged;
    },
  };
  return merged;
}
