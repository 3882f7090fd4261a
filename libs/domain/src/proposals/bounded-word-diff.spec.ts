import { boundedWordDiff, wordDiff, type DiffSegment } from './word-diff';

const side = (segments: DiffSegment[], kind: 'insert' | 'delete'): string =>
  segments
    .filter((segment) => segment.kind === 'equal' || segment.kind === kind)
    .map((segment) => segment.text)
    .join('');

/** A paragraph of `words` words drawn from `vocabulary` by a seeded walk, one paragraph a line. */
function paragraphs(seed: number, count: number, vocabulary: readonly string[]): string {
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648);
  return Array.from(
    { length: count },
    () => Array.from({ length: 40 }, () => vocabulary[next() % vocabulary.length]).join(' ') + '.',
  ).join('\n');
}

const ARABIC = ['التجمع', 'المدن', 'الأعضاء', 'الطاقة', 'الأمانة', 'العامة', 'مجلس', 'الإدارة', 'الخطة', 'برنامج'];
const ENGLISH = ['partnership', 'member', 'cities', 'energy', 'secretariat', 'general', 'board', 'plan', 'programme'];

describe(boundedWordDiff.name, () => {
  it('gives the exact word diff when it fits its budget', async () => {
    const before = paragraphs(1, 20, ENGLISH);
    const after = before.replace(/energy/g, 'power');
    const bounded = await boundedWordDiff(before, after);
    expect(bounded).toEqual({ segments: wordDiff(before, after), coarse: false });
  });

  it('falls back to whole lines, and says so, when words would take more than its budget', async () => {
    const shared = paragraphs(7, 10, ENGLISH);
    const before = `${shared}\n${paragraphs(2, 40, ARABIC)}`;
    const after = `${shared}\n${paragraphs(3, 40, ENGLISH)}`;
    const bounded = await boundedWordDiff(before, after, 10_000);
    expect(bounded.coarse).toBe(true);
    expect(side(bounded.segments, 'delete')).toBe(before);
    expect(side(bounded.segments, 'insert')).toBe(after);
    // The shared paragraphs are still shown unchanged, line by line.
    expect(bounded.segments[0]).toEqual({ kind: 'equal', text: `${shared}\n` });
  });

  it('shows the whole text replaced when even lines would take more than its budget', async () => {
    const before = Array.from({ length: 3_000 }, (_, i) => `a${i}`).join('\n');
    const after = Array.from({ length: 3_000 }, (_, i) => `b${i}`).join('\n');
    const bounded = await boundedWordDiff(before, after, 1_000);
    expect(bounded).toEqual({
      segments: [
        { kind: 'delete', text: before },
        { kind: 'insert', text: after },
      ],
      coarse: true,
    });
  });

  it('finishes two unlike 100,000-character texts (the largest bodies) within its default budget, coarsely', async () => {
    const before = paragraphs(11, 400, ARABIC).slice(0, 100_000);
    const after = paragraphs(12, 400, ENGLISH).slice(0, 100_000);
    const bounded = await boundedWordDiff(before, after);
    expect(bounded.coarse).toBe(true);
    expect(side(bounded.segments, 'delete')).toBe(before);
    expect(side(bounded.segments, 'insert')).toBe(after);
  });

  it('lets other work run while it computes (it pauses between slices)', async () => {
    const before = paragraphs(21, 400, ARABIC).slice(0, 100_000);
    const after = paragraphs(22, 400, ENGLISH).slice(0, 100_000);
    let diffDone = false;
    let otherRanWhileDiffing = false;
    const diff = boundedWordDiff(before, after).then(() => {
      diffDone = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    otherRanWhileDiffing = !diffDone;
    await diff;
    expect(otherRanWhileDiffing).toBe(true);
  });
});
