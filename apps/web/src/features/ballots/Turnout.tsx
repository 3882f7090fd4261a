import { Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/preferences';

/** How many eligible members have voted; updated live by the ballot subscription. */
export function Turnout({ cast, eligible }: { cast: number; eligible: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = eligible === 0 ? 0 : cast / eligible;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="turnout-title">
      <Stack gap={6}>
        <Text id="turnout-title" size="sm" fw={700} c="dimmed">
          {t('ballot.turnoutTitle')}
        </Text>
        <Text fw={700} size="xl" role="status" aria-live="polite">
          {t('ballot.turnout', { cast, count: eligible })}
        </Text>
        <Progress value={share * 100} aria-label={t('ballot.turnoutTitle')} size="lg" />
        <Text size="sm" c="dimmed">
          {format.percent(share)}
        </Text>
      </Stack>
    </Paper>
  );
}
