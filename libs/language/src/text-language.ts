import type { Locale } from '@majlis/config';

// Letters only: Arabic-script digits and punctuation say nothing about the language.
const ARABIC_LETTER = /(?=\p{L})\p{Script=Arabic}/gu;
const LATIN_LETTER = /(?=\p{L})\p{Script=Latin}/gu;

/**
 * The language a free text is written in: the one named, else the script most of its letters are in
 * (Arabic letters → ar, Latin letters → en; a note with a Latin acronym in Arabic prose stays Arabic),
 * else — no letters, or as many of each — the writer's own language.
 */
export function textLanguage(text: string | null, named: Locale | null | undefined, writer: Locale): Locale {
  if (named !== null && named !== undefined) return named;
  if (text === null) return writer;
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if (arabic > latin) return 'ar';
  if (latin > arabic) return 'en';
  return writer;
}
