import { type DiffSegment, wordDiff } from './word-diff';

const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;
const tokens = (text: string): string[] => text.match(TOKEN) ?? [];

const side = (segments: DiffSegment[], kind: 'insert' | 'delete'): string =>
  segments
    .filter((segment) => segment.kind === 'equal' || segment.kind === kind)
    .map((segment) => segment.text)
    .join('');

function expectInvariants(before: string, after: string, segments: DiffSegment[]): void {
  expect(side(segments, 'delete')).toBe(before);
  expect(side(segments, 'insert')).toBe(after);
  for (const segment of segments) expect(segment.text).not.toBe('');
  for (let i = 1; i < segments.length; i++) {
    expect(segments[i].kind).not.toBe(segments[i - 1].kind);
    expect([segments[i - 1].kind, segments[i].kind]).not.toEqual(['insert', 'delete']);
  }
}

const changedTokens = (segments: DiffSegment[]): number =>
  segments
    .filter((segment) => segment.kind !== 'equal')
    .reduce((count, segment) => count + tokens(segment.text).length, 0);

/** The textbook quadratic longest common subsequence, to check that the diff changes as few tokens as possible. */
function lcsLength(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const token of a) {
    const current = [0];
    for (let j = 0; j < b.length; j++) {
      current.push(token === b[j] ? previous[j] + 1 : Math.max(previous[j + 1], current[j]));
    }
    previous = current;
  }
  return previous[b.length];
}

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe(wordDiff.name, () => {
  const sentence = 'يَقْتَرِحُ المَجْلِسُ تَوْسِيعَ الشَّرَاكَةِ بَيْنَ المُدُنِ الأَعْضَاءِ، فَهَلْ تُوَافِقُونَ؟';

  it('returns one equal segment for identical texts', () => {
    expect(wordDiff(sentence, sentence)).toEqual([{ kind: 'equal', text: sentence }]);
  });

  it('returns no segments for two empty texts', () => {
    expect(wordDiff('', '')).toEqual([]);
  });

  it('returns one insert when the text was empty and one delete when it becomes empty', () => {
    expect(wordDiff('', 'Dammam and Houston')).toEqual([{ kind: 'insert', text: 'Dammam and Houston' }]);
    expect(wordDiff('Dammam and Houston', '')).toEqual([{ kind: 'delete', text: 'Dammam and Houston' }]);
  });

  it('changes exactly the one word that changed in the middle of an Arabic sentence', () => {
    const after = sentence.replace('تَوْسِيعَ', 'تَعْزِيزَ');
    const segments = wordDiff(sentence, after);
    expect(segments).toEqual([
      { kind: 'equal', text: 'يَقْتَرِحُ المَجْلِسُ ' },
      { kind: 'delete', text: 'تَوْسِيعَ' },
      { kind: 'insert', text: 'تَعْزِيزَ' },
      { kind: 'equal', text: ' الشَّرَاكَةِ بَيْنَ المُدُنِ الأَعْضَاءِ، فَهَلْ تُوَافِقُونَ؟' },
    ]);
  });

  it('keeps harakat and tatweel inside the word, so a changed diacritic replaces the whole word', () => {
    const segments = wordDiff('قـــال المُدِيرُ', 'قـــال المُدِيرَ');
    expect(segments).toEqual([
      { kind: 'equal', text: 'قـــال ' },
      { kind: 'delete', text: 'المُدِيرُ' },
      { kind: 'insert', text: 'المُدِيرَ' },
    ]);
  });

  it('treats the Arabic comma and question mark as tokens of their own', () => {
    expect(wordDiff('نعم، موافق', 'نعم؟ موافق')).toEqual([
      { kind: 'equal', text: 'نعم' },
      { kind: 'delete', text: '،' },
      { kind: 'insert', text: '؟' },
      { kind: 'equal', text: ' موافق' },
    ]);
  });

  it('merges a run of changed tokens into one delete followed by one insert', () => {
    expect(wordDiff('on 3/4, Dammam', 'on 5-6; Houston')).toEqual([
      { kind: 'equal', text: 'on ' },
      { kind: 'delete', text: '3/4,' },
      { kind: 'insert', text: '5-6;' },
      { kind: 'equal', text: ' ' },
      { kind: 'delete', text: 'Dammam' },
      { kind: 'insert', text: 'Houston' },
    ]);
  });

  it('keeps a space shared by two replaced words as equal text', () => {
    const before = 'the board met in Dammam today';
    const after = 'the council gathered in Houston today';
    const segments = wordDiff(before, after);
    expect(segments.filter((segment) => segment.kind === 'delete').map((segment) => segment.text)).toEqual([
      'board',
      'met',
      'Dammam',
    ]);
    expectInvariants(before, after, segments);
  });

  it('reproduces both sides of mixed Arabic and English text byte for byte', () => {
    const before = 'اجتماع Houston–Dammam يوم ٣ مارس (Board) ‎— بِنَدٍ واحد.\n\tسطر ثانٍ';
    const after = 'اجتماع Dammam يوم ٤ مارس (Board)، بِنُودٌ عِدَّة.\r\nسطر ثانٍ 😀';
    const segments = wordDiff(before, after);
    expectInvariants(before, after, segments);
    expect(Buffer.from(side(segments, 'delete'))).toEqual(Buffer.from(before));
    expect(Buffer.from(side(segments, 'insert'))).toEqual(Buffer.from(after));
  });

  it('changes as few tokens as a quadratic longest common subsequence allows, over random texts', () => {
    const vocabulary = ['المدينة', 'مَجْلِس', 'اقتراح', 'city', 'board', 'vote', '،', '؟', '.', ' ', '  ', '\n', '٢٠٢٥'];
    const next = random(20250301);
    const pick = (): string => vocabulary[Math.floor(next() * vocabulary.length)];
    const text = (length: number): string => Array.from({ length }, pick).join('');
    const edit = (source: string): string => {
      const words = tokens(source);
      const edits = Math.floor(next() * 6);
      for (let i = 0; i < edits; i++) {
        const at = Math.floor(next() * (words.length + 1));
        const roll = next();
        if (roll < 0.4) words.splice(at, 1);
        else if (roll < 0.7) words.splice(at, 0, pick());
        else words.splice(at, 1, pick());
      }
      return words.join('');
    };

    for (let run = 0; run < 400; run++) {
      const before = text(Math.floor(next() * 25));
      // Half the cases are edits of the same text, half unrelated texts.
      const after = run % 2 === 0 ? edit(before) : text(Math.floor(next() * 25));
      const segments = wordDiff(before, after);
      expectInvariants(before, after, segments);
      const a = tokens(before);
      const b = tokens(after);
      expect(changedTokens(segments)).toBe(a.length + b.length - 2 * lcsLength(a, b));
    }
  });

  it('diffs a 20,000-word text with a few scattered edits', () => {
    const words = ['الشراكة', 'بين', 'المدن', 'partnership', 'between', 'cities', 'مَجْلِسٌ', 'board'];
    const next = random(7);
    const original = Array.from({ length: 20_000 }, () => words[Math.floor(next() * words.length)]);
    const edited = [...original];
    edited.splice(15_000, 1, 'تعديل');
    edited.splice(9_000, 2);
    edited.splice(4_000, 0, 'inserted', 'words');
    edited[123] = 'changed';
    const before = original.join(' ');
    const after = edited.join(' ');

    const segments = wordDiff(before, after);

    expectInvariants(before, after, segments);
    // Two replaced words, two deleted and two inserted words with their spaces.
    expect(changedTokens(segments)).toBe(12);
    expect(segments.filter((segment) => segment.kind === 'insert').map((segment) => segment.text.trim())).toEqual([
      'changed',
      'inserted words',
      'تعديل',
    ]);
  });
});
