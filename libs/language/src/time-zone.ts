import { badInput } from './domain-error';

/** An IANA time zone as Intl spells it, or BAD_USER_INPUT on `field`. */
export function checkedTimeZone(field: string, value: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw badInput(field, 'invalidTimeZone', { value: value.slice(0, 64) });
  }
}

/** A time zone named in the reader's language, e.g. "التوقيت المركزي لأمريكا الشمالية" for America/Chicago. */
export function timeZoneName(timeZone: string, locale: 'ar' | 'en'): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date(0))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
