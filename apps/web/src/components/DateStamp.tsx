import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dayAsInstant } from '../lib/dates';
import { useFormat, usePreferences } from '../lib/preferences';

interface Props {
  /** An instant (ISO date-time) or a calendar day (YYYY-MM-DD). */
  value: string;
  /** With the time: in this zone (e.g. the meeting's) and, when different, in the person's. */
  withTime?: boolean;
  zone?: string | null;
  size?: string;
}

/** A date in the Gregorian and the Hijri (Umm al-Qura) calendars; with the time in the zones that matter. */
export function DateStamp({ value, withTime = false, zone, size = 'sm' }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { timeZone } = usePreferences();
  const isDay = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const instant = isDay ? dayAsInstant(value) : value;
  const shownZone = isDay ? 'UTC' : (zone ?? timeZone);
  const { gregorian, hijri } = format.dates(instant, shownZone);
  return (
    <Text component="span" size={size}>
      <time dateTime={value}>{gregorian}</time>
      <Text component="span" c="dimmed" size={size}>
        {' · '}
        {hijri}
      </Text>
      {withTime && !isDay ? (
        <>
          {' · '}
          <bdi>{format.time(value, shownZone)}</bdi>
          {zone && zone !== timeZone ? (
            <Text component="span" c="dimmed" size={size}>
              {' '}
              {t('dates.yourTime', { time: format.time(value, timeZone) })}
            </Text>
          ) : null}
        </>
      ) : null}
    </Text>
  );
}
