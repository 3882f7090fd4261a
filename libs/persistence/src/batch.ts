import DataLoader from 'dataloader';

/** A loader of one record per key, by a single query for a batch of keys; a missing key gives null. */
export function recordLoader<T>(
  fetch: (keys: readonly string[]) => Promise<T[]>,
  keyOf: (record: T) => string,
): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const records = new Map((await fetch(keys)).map((record) => [keyOf(record), record]));
    return keys.map((key) => records.get(key) ?? null);
  });
}

/** A loader of the records that belong to each key (e.g. a meeting's delegations), by one query per batch. */
export function groupLoader<T>(
  fetch: (keys: readonly string[]) => Promise<T[]>,
  keyOf: (record: T) => string,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<string, T[]>();
    for (const record of await fetch(keys)) {
      const key = keyOf(record);
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [record]);
      else group.push(record);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
