import type { Locale } from '@majlis/config';

export const LOCALES: readonly Locale[] = ['ar', 'en'];

/** A human text in Arabic and English; `authoritative` names the language the author wrote in. */
export interface LocalizedText {
  ar?: string;
  en?: string;
  authoritative: Locale;
}

export interface ResolvedText {
  text: string;
  language: Locale;
  /** True when the requested language was missing and the other one was returned. */
  isFallback: boolean;
}

const other = (locale: Locale): Locale => (locale === 'ar' ? 'en' : 'ar');

/** The text in `requested`, else in the authoritative language, else in the other. */
export function resolveText(value: LocalizedText, requested?: Locale): ResolvedText {
  const wanted = requested ?? value.authoritative;
  for (const language of [wanted, value.authoritative, other(wanted)]) {
    const text = value[language];
    if (text !== undefined && text !== '') return { text, language, isFallback: language !== wanted };
  }
  return { text: '', language: wanted, isFallback: false };
}

/** Picks the first language of an Accept-Language header that majlis speaks. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (header === undefined) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { language: tag.split('-')[0], weight: q === undefined ? 1 : Number(q.slice(2)) || 0 };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  return ranked
    .map((entry) => entry.language)
    .find((language): language is Locale => language === 'ar' || language === 'en');
}
