import type { Lang } from '../../lib/numbers';

export { timeZoneChoices } from '../../lib/time-zones';

export interface Choice {
  value: string;
  label: string;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// Codes Intl names that are not countries (the EU, the UN, "unknown region", pseudo-locales).
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB', 'XK']);

/** ISO 3166-1 alpha-2 countries, named in the reader's language. */
export function countryChoices(lang: Lang): Choice[] {
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  const choices: Choice[] = [];
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = `${first}${second}`;
      const name = NOT_COUNTRIES.has(code) ? undefined : names.of(code);
      if (name !== undefined && name !== code) choices.push({ value: code, label: `${name} (${code})` });
    }
  }
  return choices.sort((a, b) => a.label.localeCompare(b.label, lang));
}

export function countryName(code: string, lang: Lang): string {
  return new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }).of(code) ?? code;
}

/** Today as YYYY-MM-DD in a zone. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}
