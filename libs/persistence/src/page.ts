import { badInput } from '@majlis/language';

/** One page of a list ordered by (sort key, id), as Relay's cursor connections serve it. */
export interface Page<T> {
  items: T[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Where a page starts: after the row with this sort key and id. */
export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(value: string, field = 'after'): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(parsed[1])
    )
      return { key: parsed[0], id: parsed[1] };
  } catch {
    // Falls through to the one refusal below.
  }
  throw badInput(field, 'badCursor');
}

/** The page size asked for, checked; `take` is one more, to learn whether another page follows. */
export function pageSize(request: PageRequest): { size: number; take: number; after: Cursor | null } {
  const size = request.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    throw badInput('first', 'numberOutOfRange', { min: 1, max: MAX_PAGE_SIZE });
  const after = request.after === null || request.after === undefined ? null : decodeCursor(request.after);
  return { size, take: size + 1, after };
}

/** Cuts the extra row off and cursors each item with its sort key. */
export function toPage<T extends { id: string }>(
  rows: T[],
  size: number,
  totalCount: number,
  sortKey: (row: T) => string,
): Page<T> {
  const items = rows.slice(0, size);
  return {
    items,
    cursors: items.map((row) => encodeCursor({ key: sortKey(row), id: row.id })),
    hasNextPage: rows.length > size,
    totalCount,
  };
}
