import type { LocalizedText } from './localized-text';

// Arabic spellings that readers treat as the same word: hamza forms of alef, alef maqsura, taa marbuta.
const LETTER_VARIANTS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ة: 'ه' };
// Harakat, superscript alef and tatweel change nothing for search.
const IGNORED_MARKS = /[\u064B-\u065F\u0670\u0640]/g;

/** Text reduced for matching: case, Arabic diacritics and letter variants do not keep a search from finding it. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(IGNORED_MARKS, '')
    .replace(/[أإآٱىة]/g, (letter) => LETTER_VARIANTS[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Both languages of each text, folded into one searchable string. */
export function searchableText(...texts: Array<LocalizedText | null>): string {
  return foldForSearch(
    texts
      .flatMap((text) => (text === null ? [] : [text.ar ?? '', text.en ?? '']))
      .filter((part) => part !== '')
      .join('\n'),
  );
}
