import { badInput } from './domain-error';

// A NUL cannot be stored by PostgreSQL; a lone surrogate is not text at all (no UTF-8 encoding exists).
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The one rule for every string a person sends (arguments, input fields, list items, at any depth):
 * no NUL and no lone surrogate. Throws BAD_USER_INPUT naming `field`; returns the string unchanged.
 */
export function checkedString(field: string, value: string): string {
  if (NUL.test(value)) throw badInput(field, 'textControlCharacter');
  if (LONE_SURROGATE.test(value)) throw badInput(field, 'textLoneSurrogate');
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const dayExists = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** A calendar date as `YYYY-MM-DD` that exists (2026-02-29 does not); returned as given. */
export function parseDay(field: string, value: unknown): string {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  if (match === null || !dayExists(Number(match[1]), Number(match[2]), Number(match[3])))
    throw badInput(field, 'invalidDay');
  return value as string;
}

/**
 * A point in time as strict ISO 8601 (RFC 3339): a date that exists, a time, and an offset (`Z` or
 * `±hh:mm`). `March 7, 2026`, `2026-02-30T09:00:00Z` and `2026-03-07T09:00:00` (no offset) are refused.
 */
export function parseInstant(field: string, value: unknown): Date {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (match === null) throw badInput(field, 'invalidDate');
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const fraction = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
  const offsetHours = Number(match[10] ?? 0);
  const offsetMinutes = Number(match[11] ?? 0);
  if (!dayExists(year, month, day) || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59)
    throw badInput(field, 'invalidDate');
  const offset = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  const instant = new Date(0);
  // setUTCFullYear takes years 0–99 as written, where Date.UTC would read them as 1900–1999.
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute, second, fraction);
  instant.setTime(instant.getTime() - offset * 60_000);
  return instant;
}
