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

function tokenize(text: string, vocabulary: Map<string, number>): Tokens {
  const ids: number[] = [];
  const bounds: number[] = [];
  for (const match of text.matchAll(TOKEN)) {
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

/** Myers' O((N+M)D) difference in linear space: split at the middle snake of an optimal path, solve each half. */
class Myers {
  private readonly forward: Int32Array;
  private readonly backward: Int32Array;
  private readonly offset: number;

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    private readonly sink: Sink,
  ) {
    // Diagonals (x - y) run from -b.length to a.length, plus one sentinel at each end.
    this.offset = b.length + 1;
    this.forward = new Int32Array(a.length + b.length + 3);
    this.backward = new Int32Array(a.length + b.length + 3);
  }

  compare(aLow: number, aHigh: number, bLow: number, bHigh: number): void {
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
      const [x, y] = this.middle(aLow, aHigh, bLow, bHigh);
      this.compare(aLow, x, bLow, y);
      this.compare(x, aHigh, y, bHigh);
    }
    if (aHigh < end) sink('equal', aHigh, end);
  }

  // Callers trim the common prefix and suffix first, so the snakes from both corners are empty.
  private middle(aLow: number, aHigh: number, bLow: number, bHigh: number): [number, number] {
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
        }
        backward[offset + k] = x;
        if (!odd && forwardMin <= k && k <= forwardMax && x <= forward[offset + k]) return [x, y];
      }
    }
  }
}

/** Turns `before` into `after` with the fewest inserted and deleted words, whitespace runs and other characters. */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const vocabulary = new Map<string, number>();
  const a = tokenize(before, vocabulary);
  const b = tokenize(after, vocabulary);
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

  new Myers(a.ids, b.ids, sink).compare(0, a.ids.length, 0, b.ids.length);
  flushChanges();
  return segments;
}
