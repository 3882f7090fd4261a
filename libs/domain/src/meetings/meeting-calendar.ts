export interface CalendarEvent {
  uid: string;
  /** Raise it on every change: calendars keep the copy with the highest sequence. */
  sequence: number;
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  cancelled: boolean;
  /** The language the summary, location and description are written in. */
  language: 'ar' | 'en';
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

function utc(date: Date, name: string): string {
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 0 || year > 9999) {
    throw new RangeError(`${name} is not a date an iCalendar file can hold`);
  }
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function text(value: string): string {
  return (
    value
      .replace(/[\\;,]/g, (character) => `\\${character}`)
      .replace(/\r\n|\r|\n/g, '\\n')
      // TEXT may hold no control character but tab, and has no escape for the others.
      .replace(/\p{Cc}/gu, (character) => (character === '\t' ? character : ''))
  );
}

function uri(value: string): string {
  if (/\p{Cc}/u.test(value)) throw new RangeError('The event URL holds a control character');
  return new URL(value).href;
}

function octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

function fold(line: string): string {
  let folded = '';
  let used = 0;
  // Iterating the string yields whole code points, so a surrogate pair is never split.
  for (const character of line) {
    const size = octets(character.codePointAt(0) ?? 0);
    if (used + size > MAX_LINE_OCTETS) {
      folded += `${CRLF} `;
      used = 1;
    }
    folded += character;
    used += size;
  }
  return folded + CRLF;
}

function eventLines(event: CalendarEvent): string[] {
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError('The event sequence must be a non-negative integer');
  }
  const start = utc(event.start, 'The event start');
  const end = utc(event.end, 'The event end');
  if (event.end.getTime() <= event.start.getTime()) throw new RangeError('The event must end after it starts');
  const language = `LANGUAGE=${event.language}`;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${text(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utc(event.stamp, 'The event stamp')}`,
    `DTSTART:${start}`,
    `DTEND:${end}`,
    `SUMMARY;${language}:${text(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION;${language}:${text(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION;${language}:${text(event.description)}`);
  if (event.url) lines.push(`URL:${uri(event.url)}`);
  lines.push(`STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  return lines;
}

/** An iCalendar file (RFC 5545) of several events, such as a person's feed; `name` is what calendar programs call it. */
export function calendarFile(events: CalendarEvent[], name?: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//majlis//meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (name !== undefined) lines.push(`X-WR-CALNAME:${text(name)}`);
  for (const event of events) lines.push(...eventLines(event));
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('');
}

/** A one-event iCalendar file (RFC 5545) for a meeting, to publish or to attach to an invitation. */
export function meetingCalendar(event: CalendarEvent): string {
  return calendarFile([event]);
}
