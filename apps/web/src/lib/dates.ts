import type { Digits, Lang } from './numbers';

export interface DateFormatting {
  lang: Lang;
  digits: Digits;
  /** IANA zone the date is shown in. */
  timeZone: string;
}

function locale({ lang, digits }: DateFormatting, calendar: 'gregory' | 'islamic-umalqura'): string {
  // The calendar and the digits are always named: `ar` alone would give Latin digits, `ar-SA` alone Hijri.
  return `${lang}-u-ca-${calendar}-nu-${digits}`;
}

export function formatGregorianDate(iso: string, options: DateFormatting): string {
  return new Intl.DateTimeFormat(locale(options, 'gregory'), { dateStyle: 'long', timeZone: options.timeZone }).format(
    new Date(iso),
  );
}

export function formatHijriDate(iso: string, options: DateFormatting): string {
  return new Intl.DateTimeFormat(locale(options, 'islamic-umalqura'), {
    dateStyle: 'long',
    timeZone: options.timeZone,
  }).format(new Date(iso));
}

export function formatTime(iso: string, options: DateFormatting): string {
  return new Intl.DateTimeFormat(locale(options, 'gregory'), {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: options.timeZone,
    // The zone named in the reader's language: `short` gives "UTC" or "GMT+3" even in Arabic.
    timeZoneName: 'longGeneric',
  }).format(new Date(iso));
}

/** A calendar day ("2026-12-10", no time) in both calendars, read at noon UTC so no zone moves it. */
export function dayAsInstant(day: string): string {
  return `${day.slice(0, 10)}T12:00:00Z`;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Whole days, hours, minutes and seconds left; all zero once the moment has passed. */
export function splitDuration(milliseconds: number): DurationParts {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}
