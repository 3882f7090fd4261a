import type { ActionItemState } from '@majlis/workflow';

/** What roll-up and status read of an action item. */
export interface ItemFigures {
  id: string;
  parentId: string | null;
  weight: number | null;
  progress: number;
  state: ActionItemState;
  startDate: string;
  dueDate: string;
}

export const OPEN_STATES: readonly ActionItemState[] = ['planned', 'inProgress', 'blocked'];
const FINISHED_STATES: readonly ActionItemState[] = ['done', 'verified'];

/**
 * Every parent's progress from its children: the weighted mean of the children that are not cancelled
 * (a missing weight counts as 1, so without weights it is the plain mean), computed from the leaves
 * exactly and rounded only at the end, so nested levels do not compound rounding. Leaves keep theirs.
 * A parent whose children are all cancelled keeps its own.
 */
export function rolledUpProgress(items: readonly ItemFigures[]): Map<string, number> {
  return new Map([...exactProgress(items)].map(([id, value]) => [id, Math.round(value)]));
}

/** Every item's progress as `rolledUpProgress` computes it, before rounding. */
export function exactProgress(items: readonly ItemFigures[]): Map<string, number> {
  const children = new Map<string, ItemFigures[]>();
  for (const item of items) {
    if (item.parentId === null || item.state === 'cancelled') continue;
    const siblings = children.get(item.parentId);
    if (siblings === undefined) children.set(item.parentId, [item]);
    else siblings.push(item);
  }
  const exact = new Map<string, number>();
  const valueOf = (item: ItemFigures, path: Set<string>): number => {
    const known = exact.get(item.id);
    if (known !== undefined) return known;
    if (path.has(item.id)) throw new Error(`action item ${item.id} is its own ancestor`);
    const below = children.get(item.id) ?? [];
    let value = item.progress;
    if (below.length > 0) {
      path.add(item.id);
      const total = below.reduce((sum, child) => sum + weightOf(child), 0);
      value =
        total === 0
          ? below.reduce((sum, child) => sum + valueOf(child, path), 0) / below.length
          : below.reduce((sum, child) => sum + weightOf(child) * valueOf(child, path), 0) / total;
      path.delete(item.id);
    }
    exact.set(item.id, value);
    return value;
  };
  for (const item of items) valueOf(item, new Set());
  return exact;
}

/** The weighted progress of a set of items taken together (a plan's top level, a city's items). */
export function weightedProgress(items: readonly ItemFigures[], progressOf: (item: ItemFigures) => number): number {
  const counted = items.filter((item) => item.state !== 'cancelled');
  if (counted.length === 0) return 0;
  const total = counted.reduce((sum, item) => sum + weightOf(item), 0);
  if (total === 0) return Math.round(counted.reduce((sum, item) => sum + progressOf(item), 0) / counted.length);
  return Math.round(counted.reduce((sum, item) => sum + weightOf(item) * progressOf(item), 0) / total);
}

const weightOf = (item: ItemFigures): number => item.weight ?? 1;

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Overdue is derived, never stored: past its due date and not finished (done, verified or cancelled). */
export const isOverdue = (item: Pick<ItemFigures, 'state' | 'dueDate'>, today: string): boolean =>
  OPEN_STATES.includes(item.state) && item.dueDate < today;

export type TrackStatus = 'onTrack' | 'atRisk' | 'late';

/** How far behind schedule an open item may be (elapsed share of its time minus its progress). */
export const AT_RISK_BEHIND_POINTS = 25;

/**
 * The status of a set of items (a plan, a city's share):
 * - `late`: at least one item is overdue;
 * - `atRisk`: none is overdue, but one is blocked, or is more than 25 points behind schedule — its
 *   progress lags the share of its time (start to due date) already gone by more than 25 points;
 * - `onTrack`: otherwise (finished and cancelled items never make a set late or at risk).
 */
export function trackStatus(
  items: readonly ItemFigures[],
  today: string,
  progressOf = (item: ItemFigures) => item.progress,
): TrackStatus {
  const open = items.filter((item) => OPEN_STATES.includes(item.state));
  if (open.some((item) => isOverdue(item, today))) return 'late';
  const behind = (item: ItemFigures): boolean => {
    const span = daysBetween(item.startDate, item.dueDate);
    if (span <= 0) return false;
    const elapsed = Math.min(1, Math.max(0, daysBetween(item.startDate, today) / span));
    return elapsed * 100 - progressOf(item) > AT_RISK_BEHIND_POINTS;
  };
  if (open.some((item) => item.state === 'blocked' || behind(item))) return 'atRisk';
  return 'onTrack';
}

/** Counts per state, every state present. */
export function countByState(items: readonly ItemFigures[]): Record<ActionItemState, number> {
  const counts: Record<ActionItemState, number> = {
    planned: 0,
    inProgress: 0,
    blocked: 0,
    done: 0,
    verified: 0,
    cancelled: 0,
  };
  for (const item of items) counts[item.state]++;
  return counts;
}

export const isFinished = (state: ActionItemState): boolean => FINISHED_STATES.includes(state);
