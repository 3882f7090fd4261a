import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/preferences';
import type { LocalCopy } from './local-copy';

/** Text this browser kept that the server does not have: offered back before anything else is typed. */
export function RestoreOffer({
  copy,
  onRestore,
  onDiscard,
}: {
  copy: LocalCopy;
  onRestore(): void;
  onDiscard(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { gregorian } = format.dates(copy.keptAt);
  return (
    <Alert color="rust" variant="light" title={t('desk.restore.title')} role="alert">
      <Stack gap="sm">
        <Text size="sm">{t('desk.restore.body', { date: gregorian, time: format.time(copy.keptAt) })}</Text>
        <Group gap="sm">
          <Button onClick={onRestore}>{t('desk.restore.restore')}</Button>
          <Button variant="default" onClick={onDiscard}>
            {t('desk.restore.discard')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
