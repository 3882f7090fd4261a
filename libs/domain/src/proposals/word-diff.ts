export type DiffKind = 'equal' | 'insert' | 'delete';

export interface DiffSegment {
  kind: DiffKind;
  text: string;
}

// Harakat (U+064B–U+065F, U+0670) are marks and tatweel is a letter, so an Arabic word stays one token.
const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;

interface Tokens {
  /** One number per token; equal tokens of either text share a number. */
  ids: Int32Array;
  /** `bounds[i]` is where token i starts in the text; the last entry is the text's length. */
  bounds: Int32Array;
}

// The coarse fallback compares whole lines (a paragraph is a line of a proposal's body).
const LINE = /[^\n]*\n|[^\n]+/g;

function tokenize(text: string, vocabulary: Map<string, number>, pattern: RegExp = TOKEN): Tokens {
  const ids: number[] = [];
  const bounds: number[] = [];
  for (const match of text.matchAll(pattern)) {
    let id = vocabulary.get(match[0]);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(match[0], id);
    }
    ids.push(id);
    bounds.push(match.index);
  }
  bounds.push(text.length);
  return { ids: Int32Array.from(ids), bounds: Int32Array.from(bounds) };
}

/** Receives token ranges in order: equal and delete ranges index `before`, insert ranges index `after`. */
type Sink = (kind: DiffKind, from: number, to: number) => void;

/** The work a diff may do (steps along the edit graph) before it gives up for a coarser one. */
export class DiffBudgetExceeded extends Error {
  override readonly name = 'DiffBudgetExceeded';
}

/** Steps between two pauses of a diff that lets other work run (a few milliseconds each). */
const STEPS_PER_SLICE = 50_000;

/**
 * Myers' O((N+M)D) difference in linear space: split at the middle snake of an optimal path, solve each half.
 * It runs as a generator that yields every STEPS_PER_SLICE steps, so a caller can let the event loop run
 * between slices, and it throws DiffBudgetExceeded once it has taken `maxSteps`.
 */
class Myers {
  private readonly forward: Int32Array;
  private readonly backward: Int32Array;
  private readonly offset: number;
  private steps = 0;
  private nextPause = STEPS_PER_SLICE;

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    private readonly sink: Sink,
    private readonly maxSteps: number,
  ) {
    // Diagonals (x - y) run from -b.length to a.length, plus one sentinel at each end.
    this.offset = b.length + 1;
    this.forward = new Int32Array(a.length + b.length + 3);
    this.backward = new Int32Array(a.length + b.length + 3);
  }

  *compare(aLow: number, aHigh: number, bLow: number, bHigh: number): Generator<void, void> {
    const { a, b, sink } = this;
    const start = aLow;
    while (aLow < aHigh && bLow < bHigh && a[aLow] === b[bLow]) {
      aLow++;
      bLow++;
    }
    if (aLow > start) sink('equal', start, aLow);
    const end = aHigh;
    while (aHigh > aLow && bHigh > bLow && a[aHigh - 1] === b[bHigh - 1]) {
      aHigh--;
      bHigh--;
    }
    if (aLow === aHigh) {
      if (bLow < bHigh) sink('insert', bLow, bHigh);
    } else if (bLow === bHigh) {
      sink('delete', aLow, aHigh);
    } else {
      const [x, y] = yield* this.middle(aLow, aHigh, bLow, bHigh);
      yield* this.compare(aLow, x, bLow, y);
      yield* this.compare(x, aHigh, y, bHigh);
    }
    if (aHigh < end) sink('equal', aHigh, end);
  }

  // Callers trim the common prefix and suffix first, so the snakes from both corners are empty.
  private *middle(aLow: number, aHigh: number, bLow: number, bHigh: number): Generator<void, [number, number]> {
    const { a, b, forward, backward, offset } = this;
    const minDiagonal = aLow - bHigh;
    const maxDiagonal = aHigh - bLow;
    const forwardMid = aLow - bLow;
    const backwardMid = aHigh - bHigh;
    const odd = ((forwardMid - backwardMid) & 1) !== 0;
    let forwardMin = forwardMid;
    let forwardMax = forwardMid;
    let backwardMin = backwardMid;
    let backwardMax = backwardMid;
    forward[offset + forwardMid] = aLow;
    backward[offset + backwardMid] = aHigh;

    for (;;) {
      // Each round walks every live diagonal in both directions: that is the work counted.
      this.steps += forwardMax - forwardMin + backwardMax - backwardMin + 4;
      if (this.steps > this.maxSteps) throw new DiffBudgetExceeded();
      if (this.steps >= this.nextPause) {
        this.nextPause = this.steps + STEPS_PER_SLICE;
        yield;
      }
      if (forwardMin > minDiagonal) forward[offset + --forwardMin - 1] = -1;
      else forwardMin++;
      if (forwardMax < maxDiagonal) forward[offset + ++forwardMax + 1] = -1;
      else forwardMax--;
      for (let k = forwardMax; k >= forwardMin; k -= 2) {
        const below = forward[offset + k - 1];
        const above = forward[offset + k + 1];
        let x = below < above ? above : below + 1;
        let y = x - k;
        while (x < aHigh && y < bHigh && a[x] === b[y]) {
          x++;
          y++;
          this.steps++;
        }
        forward[offset + k] = x;
        if (odd && backwardMin <= k && k <= backwardMax && backward[offset + k] <= x) return [x, y];
      }

      if (backwardMin > minDiagonal) backward[offset + --backwardMin - 1] = 0x7fffffff;
      else backwardMin++;
      if (backwardMax < maxDiagonal) backward[offset + ++backwardMax + 1] = 0x7fffffff;
      else backwardMax--;
      for (let k = backwardMax; k >= backwardMin; k -= 2) {
        const below = backward[offset + k - 1];
        const above = backward[offset + k + 1];
        let x = below < above ? below : above - 1;
        let y = x - k;
        while (x > aLow && y > bLow && a[x - 1] === b[y - 1]) {
          x--;
          y--;
          this.steps++;
        }
        backward[offset + k] = x;
        if (!odd && forwardMin <= k && k <= forwardMax && x <= forward[offset + k]) return [x, y];
      }
    }
  }
}

/**
 * The diff of two texts split by `pattern`, as a generator of pauses (see Myers); throws
 * DiffBudgetExceeded past `maxSteps`.
 */
function* tokenDiff(before: string, after: string, pattern: RegExp, maxSteps: number): Generator<void, DiffSegment[]> {
  const vocabulary = new Map<string, number>();
  const a = tokenize(before, vocabulary, pattern);
  const b = tokenize(after, vocabulary, pattern);
  const segments: DiffSegment[] = [];
  let deleted = '';
  let inserted = '';
  const flushChanges = (): void => {
    if (deleted !== '') segments.push({ kind: 'delete', text: deleted });
    if (inserted !== '') segments.push({ kind: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };

  const sink: Sink = (kind, from, to) => {
    switch (kind) {
      case 'delete':
        deleted += before.slice(a.bounds[from], a.bounds[to]);
        break;
      case 'insert':
        inserted += after.slice(b.bounds[from], b.bounds[to]);
        break;
      case 'equal': {
        flushChanges();
        const text = before.slice(a.bounds[from], a.bounds[to]);
        const last = segments.at(-1);
        if (last?.kind === 'equal') last.text += text;
        else segments.push({ kind, text });
        break;
      }
    }
  };

  yield* new Myers(a.ids, b.ids, sink, maxSteps).compare(0, a.ids.length, 0, b.ids.length);
  flushChanges();
  return segments;
}

/** Runs a generator to its end at once. */
function runToEnd<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done === true) return step.value;
  }
}

/** Runs a generator to its end, letting the event loop serve other requests at each pause. */
async function runInSlices<T>(work: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = work.next();
    if (step.done === true) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Turns `before` into `after` with the fewest inserted and deleted words, whitespace runs and other characters. */
export function wordDiff(before: string, after: string): DiffSegment[] {
  return runToEnd(tokenDiff(before, after, TOKEN, Number.POSITIVE_INFINITY));
}

export interface BoundedDiff {
  segments: DiffSegment[];
  /** True when the word diff would have taken more than its budget and whole lines were compared instead (or, past that too, the whole text). */
  coarse: boolean;
}

/**
 * Steps the word diff may take: two unlike 100,000-character texts would need billions (tens of seconds);
 * this many take some tenths of a second (scripts/bench-word-diff.ts prints the figures).
 */
export const DEFAULT_DIFF_STEPS = 20_000_000;

/**
 * The word diff with bounded work, run in slices so that the event loop keeps serving other requests:
 * past `maxSteps` it compares whole lines instead, and past that too it shows the whole text replaced.
 * Each result says whether it is coarse.
 */
export async function boundedWordDiff(
  before: string,
  after: string,
  maxSteps: number = DEFAULT_DIFF_STEPS,
): Promise<BoundedDiff> {
  for (const [pattern, coarse] of [
    [TOKEN, false],
    [LINE, true],
  ] as const) {
    try {
      return { segments: await runInSlices(tokenDiff(before, after, pattern, maxSteps)), coarse };
    } catch (error) {
      if (!(error instanceof DiffBudgetExceeded)) throw error;
    }
  }
  const segments: DiffSegment[] = [];
  if (before !== '') segments.push({ kind: 'delete', text: before });
  if (after !== '') segments.push({ kind: 'insert', text: after });
  return { segments, coarse: true };
}
