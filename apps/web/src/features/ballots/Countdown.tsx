import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import { useFormat } from '../../lib/preferences';
import { useNow } from '../../lib/use-now';

/** The closing time counting down, with the time in the meeting's zone and the person's. */
export function Countdown({ closesAt, zone }: { closesAt: string; zone: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(1000);
  const left = new Date(closesAt).getTime() - now;
  const { days, hours, minutes, seconds } = format.duration(left);
  const parts = [
    days > 0 ? t('countdown.days', { count: days }) : null,
    days > 0 || hours > 0 ? t('countdown.hours', { count: hours }) : null,
    t('countdown.minutes', { count: minutes }),
    days === 0 ? t('countdown.seconds', { count: seconds }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="countdown-title">
      <Stack gap={4}>
        <Text id="countdown-title" size="sm" fw={700} c="dimmed">
          {t('countdown.title')}
        </Text>
        <Text fw={700} size="xl">
          {left > 0 ? parts.join(t('countdown.separator')) : t('countdown.closing')}
        </Text>
        <DateStamp value={closesAt} withTime zone={zone} />
      </Stack>
    </Paper>
  );
}
