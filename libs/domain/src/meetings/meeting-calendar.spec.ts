import { type CalendarEvent, meetingCalendar } from './meeting-calendar';

interface Property {
  name: string;
  parameters: Record<string, string>;
  value: string;
}

const unfold = (file: string): string => file.replace(/\r\n[ \t]/g, '');

const unescape = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_, character: string) => (character.toLowerCase() === 'n' ? '\n' : character));

/** Just enough of an RFC 5545 reader for these files: no quoted parameters, no nested components. */
function parse(file: string): Property[] {
  expect(file.endsWith('\r\n')).toBe(true);
  return unfold(file)
    .slice(0, -2)
    .split('\r\n')
    .map((line) => {
      const colon = line.indexOf(':');
      const [name, ...parameters] = line.slice(0, colon).split(';');
      return {
        name,
        parameters: Object.fromEntries(parameters.map((parameter) => parameter.split('='))) as Record<string, string>,
        value: line.slice(colon + 1),
      };
    });
}

const valueOf = (file: string, name: string): string | undefined =>
  parse(file).find((property) => property.name === name)?.value;

const physicalLines = (file: string): string[] => file.split('\r\n').slice(0, -1);

describe(meetingCalendar.name, () => {
  const event: CalendarEvent = {
    uid: 'meeting-42@majlis.example',
    sequence: 3,
    stamp: new Date('2025-02-20T08:00:00Z'),
    start: new Date('2025-03-10T09:30:00Z'),
    end: new Date('2025-03-10T12:00:00Z'),
    summary: 'Board meeting',
    cancelled: false,
    language: 'en',
  };

  it('writes one event in a calendar, every line ending with CRLF', () => {
    const file = meetingCalendar({
      ...event,
      location: 'Dammam',
      description: 'Agenda',
      url: 'https://majlis.example/m/42',
    });

    expect(file).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//majlis//meetings//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:meeting-42@majlis.example',
        'SEQUENCE:3',
        'DTSTAMP:20250220T080000Z',
        'DTSTART:20250310T093000Z',
        'DTEND:20250310T120000Z',
        'SUMMARY;LANGUAGE=en:Board meeting',
        'LOCATION;LANGUAGE=en:Dammam',
        'DESCRIPTION;LANGUAGE=en:Agenda',
        'URL:https://majlis.example/m/42',
        'STATUS:CONFIRMED',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('leaves out the location, description and URL when there are none', () => {
    const names = parse(meetingCalendar({ ...event, location: '' })).map((property) => property.name);
    expect(names).not.toContain('LOCATION');
    expect(names).not.toContain('DESCRIPTION');
    expect(names).not.toContain('URL');
  });

  it('marks a cancelled meeting as cancelled', () => {
    const file = meetingCalendar({ ...event, sequence: 4, cancelled: true });
    expect(valueOf(file, 'STATUS')).toBe('CANCELLED');
    expect(valueOf(file, 'SEQUENCE')).toBe('4');
  });

  it('writes dates given with an offset in UTC', () => {
    const file = meetingCalendar({
      ...event,
      start: new Date('2025-03-11T01:15:00+03:00'),
      end: new Date('2025-03-11T02:45:30.999+03:00'),
    });
    expect(valueOf(file, 'DTSTART')).toBe('20250310T221500Z');
    expect(valueOf(file, 'DTEND')).toBe('20250310T234530Z');
  });

  it('escapes backslashes, semicolons, commas and newlines in text', () => {
    const summary = 'Budget; roads, water\\sewage\nsecond line\r\nthird';
    const file = meetingCalendar({ ...event, summary });
    expect(valueOf(file, 'SUMMARY')).toBe('Budget\\; roads\\, water\\\\sewage\\nsecond line\\nthird');
    expect(unescape(valueOf(file, 'SUMMARY') ?? '')).toBe('Budget; roads, water\\sewage\nsecond line\nthird');
  });

  it('drops control characters that text cannot hold, but keeps tabs', () => {
    const file = meetingCalendar({ ...event, summary: 'a\u0000b\tc\u001bd' });
    expect(valueOf(file, 'SUMMARY')).toBe('ab\tcd');
  });

  it('tags the summary, location and description with their language', () => {
    const file = meetingCalendar({
      ...event,
      language: 'ar',
      summary: 'اجتماع',
      location: 'الدمام',
      description: 'جدول',
    });
    const tagged = parse(file).filter((property) => property.parameters.LANGUAGE === 'ar');
    expect(tagged.map((property) => property.name)).toEqual(['SUMMARY', 'LOCATION', 'DESCRIPTION']);
  });

  it('folds long Arabic lines at 75 octets without splitting a character, and unfolds to the same text', () => {
    const description =
      'يَجْتَمِعُ مَجْلِسُ الشَّرَاكَةِ بَيْنَ المُدُنِ الأَعْضَاءِ، لِمُنَاقَشَةِ المُقْتَرَحَاتِ؛ وَالتَّصْوِيتِ عَلَيْهَا.\n' +
      'البند الثاني: مُتَابَعَةُ التَّنْفِيذِ، وَالمِيزَانِيَّةُ\\الإِضَافِيَّةُ 😀 مَعَ Houston وَ Dammam.';
    const summary = 'اجتماع '.repeat(30).trim();
    const file = meetingCalendar({ ...event, language: 'ar', summary, description });

    const lines = physicalLines(file);
    expect(lines.length).toBeGreaterThan(parse(file).length);
    for (const line of lines) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/\uFFFD/);
      // A lone surrogate would mean a pair was split across two lines.
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(Buffer.from(unescape(valueOf(file, 'DESCRIPTION') ?? ''))).toEqual(Buffer.from(description));
    expect(unescape(valueOf(file, 'SUMMARY') ?? '')).toBe(summary);
  });

  it('fills folded lines up to the limit, counting two octets for each Arabic letter', () => {
    const file = meetingCalendar({ ...event, language: 'ar', summary: 'ب'.repeat(100) });
    const summaryLines = physicalLines(file).filter((line) => line.includes('ب'));
    // "SUMMARY;LANGUAGE=ar:" is 20 octets, leaving room for 27 two-octet letters; then a space and 37 letters.
    expect(summaryLines.map((line) => Buffer.byteLength(line))).toEqual([74, 75, 73]);
    expect(summaryLines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
  });

  it('never splits a surrogate pair across lines', () => {
    const summary = `a${'😀'.repeat(40)}`;
    const file = meetingCalendar({ ...event, summary });
    const summaryLines = physicalLines(file).filter((line) => line.includes('😀'));
    // 21 octets of name and "a", then four octets an emoji: 13 fit on the first line, 18 on each after.
    expect(summaryLines.map((line) => [...line.trim()].length)).toEqual([34, 18, 9]);
    expect(unescape(valueOf(file, 'SUMMARY') ?? '')).toBe(summary);
  });

  it('refuses an event that ends before it starts, an invalid date or a negative sequence', () => {
    expect(() => meetingCalendar({ ...event, end: event.start })).toThrow(RangeError);
    expect(() => meetingCalendar({ ...event, stamp: new Date('not a date') })).toThrow(RangeError);
    expect(() => meetingCalendar({ ...event, sequence: -1 })).toThrow(RangeError);
  });

  it('refuses a URL that could break the line it is written on', () => {
    expect(() => meetingCalendar({ ...event, url: 'https://majlis.example/\r\nSTATUS:CANCELLED' })).toThrow(RangeError);
  });
});
