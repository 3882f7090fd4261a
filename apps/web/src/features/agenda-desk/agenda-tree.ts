/** An agenda item's place: what the tree needs of it. */
export interface Placed {
  id: string;
  parentId?: string | null;
}

export type Flat<T extends Placed> = T & { depth: number; parentId: string | null };

/** Three levels at most: an item, its sub-items and theirs (1, 1.1, 1.1.1). */
export const MAX_DEPTH = 2;

/** Items in reading order (parents before their children) with how deep each sits. */
export function flatten<T extends Placed>(items: readonly T[]): Flat<T>[] {
  const depths = new Map<string, number>();
  return items.map((item) => {
    const parentId = item.parentId ?? null;
    const depth = parentId === null ? 0 : (depths.get(parentId) ?? -1) + 1;
    depths.set(item.id, depth);
    return { ...item, parentId, depth };
  });
}

/** Each item's number as its parts (1, 1.1, 2…), counted from the order shown. */
export function numbering(items: readonly { id: string; depth: number }[]): Map<string, number[]> {
  const numbers = new Map<string, number[]>();
  const counters: number[] = [];
  for (const item of items) {
    counters.length = item.depth + 1;
    counters[item.depth] = (counters[item.depth] ?? 0) + 1;
    numbers.set(
      item.id,
      counters.map((count) => count ?? 1),
    );
  }
  return numbers;
}

/** The item and everything under it. */
export function subtreeOf<T extends Placed>(items: readonly Flat<T>[], id: string): Set<string> {
  const inside = new Set([id]);
  for (const item of items) if (item.parentId !== null && inside.has(item.parentId)) inside.add(item.id);
  return inside;
}

/** Where a dragged item lands: its depth, its new parent and its 0-based place among the parent's children. */
export interface Landing {
  depth: number;
  parentId: string | null;
  position: number;
}

/**
 * The landing of the item at `from` dropped at `to` of a list without its sub-items, pulled `levels` deeper
 * (negative: shallower). It may go at most one level under the item above it, and not above the item below.
 */
export function landing<T extends Placed>(
  items: readonly Flat<T>[],
  from: number,
  to: number,
  levels: number,
): Landing | null {
  const active = items[from];
  if (active === undefined) return null;
  const moved = [...items];
  moved.splice(from, 1);
  moved.splice(to, 0, active);
  const previous = moved[to - 1];
  const next = moved[to + 1];
  const deepest = previous === undefined ? 0 : Math.min(previous.depth + 1, MAX_DEPTH);
  const shallowest = next === undefined ? 0 : Math.min(next.depth, deepest);
  const depth = Math.max(shallowest, Math.min(deepest, active.depth + levels));
  let parentId: string | null = null;
  if (depth > 0 && previous !== undefined) {
    if (depth === previous.depth) parentId = previous.parentId;
    else if (depth > previous.depth) parentId = previous.id;
    else parentId = moved.slice(0, to).findLast((item) => item.depth === depth)?.parentId ?? null;
  }
  const position = moved.slice(0, to).filter((item) => item.parentId === parentId && item.id !== active.id).length;
  return { depth, parentId, position };
}

/** The moves the buttons offer: up and down among its siblings, under the sibling above, out of its parent. */
export function stepMoves<T extends Placed>(
  items: readonly Flat<T>[],
  id: string,
): Record<'up' | 'down' | 'indent' | 'outdent', Omit<Landing, 'depth'> | null> {
  const item = items.find((entry) => entry.id === id);
  if (item === undefined) return { up: null, down: null, indent: null, outdent: null };
  const siblings = items.filter((entry) => entry.parentId === item.parentId);
  const index = siblings.findIndex((entry) => entry.id === id);
  const above = siblings[index - 1];
  const parent = items.find((entry) => entry.id === item.parentId);
  const deepestUnder = Math.max(
    ...[...subtreeOf(items, id)].map((inner) => items.find((e) => e.id === inner)?.depth ?? 0),
  );
  return {
    up: index > 0 ? { parentId: item.parentId, position: index - 1 } : null,
    down: index < siblings.length - 1 ? { parentId: item.parentId, position: index + 1 } : null,
    indent:
      above !== undefined && deepestUnder + 1 <= MAX_DEPTH
        ? { parentId: above.id, position: items.filter((entry) => entry.parentId === above.id).length }
        : null,
    outdent:
      parent !== undefined
        ? {
            parentId: parent.parentId,
            position:
              items.filter((entry) => entry.parentId === parent.parentId).findIndex((e) => e.id === parent.id) + 1,
          }
        : null,
  };
}

/** Planned minutes in all: an item whose sub-items have minutes counts through them, not twice. */
export function plannedTotal(
  items: readonly { id: string; parentId?: string | null; plannedMinutes?: number | null }[],
): number {
  return items
    .filter((item) => !items.some((child) => child.parentId === item.id && child.plannedMinutes))
    .reduce((sum, item) => sum + (item.plannedMinutes ?? 0), 0);
}
