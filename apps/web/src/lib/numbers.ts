import type { CatalogueLanguage, Digits } from '@majlis/catalogue';

export type Lang = CatalogueLanguage;
export type { Digits };
// The digits a person gets before choosing: Arabic-Indic in Arabic, Latin in English (the catalogue's rule).
export { defaultDigits } from '@majlis/catalogue';

export const LANGS: readonly Lang[] = ['ar', 'en'];

export function isLang(value: unknown): value is Lang {
  return value === 'ar' || value === 'en';
}

export function directionOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

export function formatNumber(value: number, lang: Lang, digits: Digits, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(`${lang}-u-nu-${digits}`, options).format(value);
}

export function formatPercent(share: number, lang: Lang, digits: Digits): string {
  return formatNumber(share, lang, digits, { style: 'percent', maximumFractionDigits: 1 });
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const EXTENDED_ARABIC_INDIC = '۰۱۲۳۴۵۶۷۸۹';

/** Latin digits for any Arabic-Indic or Persian ones, and the Arabic decimal and thousands separators. */
export function toLatinDigits(text: string): string {
  let out = '';
  for (const char of text) {
    const arabic = ARABIC_INDIC.indexOf(char);
    const extended = EXTENDED_ARABIC_INDIC.indexOf(char);
    if (arabic >= 0) out += String(arabic);
    else if (extended >= 0) out += String(extended);
    else if (char === '٫') out += '.';
    else if (char === '٬') out += '';
    else out += char;
  }
  return out;
}

/** What a person typed in a number field, in either digits; null when it is not a number. */
export function parseNumber(input: string): number | null {
  const latin = toLatinDigits(input)
    .replace(/[\s,]/g, '')
    .replace(/^\u2212/, '-');
  if (!/^-?\d+(\.\d+)?$/.test(latin)) return null;
  return Number(latin);
}
