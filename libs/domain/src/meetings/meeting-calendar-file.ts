import type { Locale } from '@majlis/config';
import { formatNumber, message, resolveText, timeZoneName } from '@majlis/language';
import type { MemberCity } from '../partnership';
import type { AgendaItem } from './agenda-item.entity';
import { AgendaTree } from './agenda-tree';
import { meetingCalendar, type CalendarEvent } from './meeting-calendar';
import type { Meeting } from './meeting.entity';

/**
 * The meeting, held in `host`, as an iCalendar file in the reader's language (the download, a
 * notification's attachment): its agenda `items` in the description, numbered in the language's digits,
 * and its time zone named in words (the catalogue's `calendar` namespace).
 */
export function meetingCalendarFile(meeting: Meeting, host: MemberCity, items: AgendaItem[], locale: Locale): string {
  return meetingCalendar(meetingCalendarEvent(meeting, host, items, locale));
}

/** The meeting's iCalendar file in each of `locales`. */
export function meetingCalendarFiles<L extends Locale>(
  meeting: Meeting,
  host: MemberCity,
  items: AgendaItem[],
  locales: readonly L[],
): Record<L, string> {
  const files = locales.map((locale) => [locale, meetingCalendarFile(meeting, host, items, locale)]);
  return Object.fromEntries(files) as Record<L, string>;
}

/** One meeting as a calendar event in `locale` (the download, the notification's file, a person's feed). */
export function meetingCalendarEvent(
  meeting: Meeting,
  host: MemberCity,
  items: AgendaItem[],
  locale: Locale,
): CalendarEvent {
  const text = (value: Parameters<typeof resolveText>[0]): string => resolveText(value, locale).text;
  const tree = new AgendaTree(items);
  const number = (outline: string): string =>
    outline
      .split('.')
      .map((part) => formatNumber(Number(part), locale))
      .join('.');
  const outline = tree.ordered
    .map((item) =>
      message(locale, 'calendar:meeting.agendaItem', {
        number: number(tree.numberOf(item.id)),
        title: text(item.title),
      }),
    )
    .join('\n');
  const venue = meeting.venue === null ? '' : text(meeting.venue);
  const city = text(host.name);
  const zone = timeZoneName(meeting.timeZone, locale);
  const description = [
    message(locale, 'calendar:meeting.timeZone', { zone }),
    ...(outline === '' ? [] : [message(locale, 'calendar:meeting.agenda', { items: outline })]),
  ];
  return {
    uid: `${meeting.id}@majlis`,
    sequence: meeting.version - 1,
    stamp: meeting.updatedAt,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: text(meeting.title),
    location:
      venue === '' || city === '' ? venue || city : message(locale, 'calendar:meeting.location', { venue, city }),
    description: description.join('\n\n'),
    cancelled: meeting.state === 'cancelled',
    language: locale,
  };
}
