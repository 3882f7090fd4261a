import { useSyncExternalStore } from 'react';

/** A value outside React (set by the Apollo links) that components can read and follow. */
export interface Signal<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function createSignal<T>(initial: T): Signal<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useSignal<T>(signal: Signal<T>): T {
  return useSyncExternalStore(signal.subscribe, signal.get, signal.get);
}

/** True once the API said the session is gone while someone was signed in. */
export const sessionExpired = createSignal(false);

export type ConnectionState = 'connecting' | 'connected' | 'lost';
/** The live connection (graphql-ws) that carries turnout and notifications. */
export const liveConnection = createSignal<ConnectionState>('connecting');
