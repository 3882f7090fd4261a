import { ARABIC_WORDS as ARABIC, ENGLISH_WORDS as ENGLISH, sampleText } from '@majlis/testing';
import { boundedWordDiff, wordDiff, type DiffSegment } from './word-diff';

const side = (segments: DiffSegment[], kind: 'insert' | 'delete'): string =>
  segments
    .filter((segment) => segment.kind === 'equal' || segment.kind === kind)
    .map((segment) => segment.text)
    .join('');

describe(boundedWordDiff.name, () => {
  it('gives the exact word diff when it fits its budget', async () => {
    const before = sampleText(1, 20 * 300, ENGLISH);
    const after = before.replace(/energy/g, 'power');
    const bounded = await boundedWordDiff(before, after);
    expect(bounded).toEqual({ segments: wordDiff(before, after), coarse: false });
  });

  it('falls back to whole lines, and says so, when words would take more than its budget', async () => {
    const shared = sampleText(7, 10 * 300, ENGLISH);
    const before = `${shared}\n${sampleText(2, 40 * 300, ARABIC)}`;
    const after = `${shared}\n${sampleText(3, 40 * 300, ENGLISH)}`;
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
    const before = sampleText(11, 100_000, ARABIC);
    const after = sampleText(12, 100_000, ENGLISH);
    const bounded = await boundedWordDiff(before, after);
    expect(bounded.coarse).toBe(true);
    expect(side(bounded.segments, 'delete')).toBe(before);
    expect(side(bounded.segments, 'insert')).toBe(after);
  });

  it('lets other work run while it computes (it pauses between slices)', async () => {
    const before = sampleText(21, 100_000, ARABIC);
    const after = sampleText(22, 100_000, ENGLISH);
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
