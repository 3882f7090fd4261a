/** Words of the partnership's documents, to build long texts that are alike (same words) or unlike (other words). */
export const ARABIC_WORDS = [
  'التجمع',
  'المدن',
  'الأعضاء',
  'الطاقة',
  'الأمانة',
  'العامة',
  'مجلس',
  'الإدارة',
  'الخطة',
  'برنامج',
];
export const ENGLISH_WORDS = [
  'partnership',
  'member',
  'cities',
  'energy',
  'secretariat',
  'general',
  'board',
  'plan',
  'programme',
];

/**
 * `length` characters of paragraphs (one a line, 40 words each) drawn from `vocabulary` by a seeded walk:
 * the same seed gives the same text, so a diff benchmark or test can be replayed.
 */
export function sampleText(seed: number, length: number, vocabulary: readonly string[]): string {
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648);
  const lines: string[] = [];
  let size = 0;
  while (size < length) {
    const line = Array.from({ length: 40 }, () => vocabulary[next() % vocabulary.length]).join(' ') + '.';
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n').slice(0, length);
}
