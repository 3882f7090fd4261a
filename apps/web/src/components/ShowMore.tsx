import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/preferences';

interface Props {
  shown: number;
  total: number;
  /** Asks for the next page; the cache adds it to the rows already shown (`app/apollo.ts`). */
  onMore(): Promise<unknown>;
}

/** The foot of a paged list: how many of how many are shown, and the next page on request. */
export function ShowMore({ shown, total, onMore }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [loading, setLoading] = useState(false);
  function more() {
    setLoading(true);
    void onMore().finally(() => setLoading(false));
  }
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {t('common.shown', { shown: format.number(shown), total: format.number(total) })}
      </Text>
      <Button variant="subtle" c="majlis.9" loading={loading} onClick={more}>
        {t('common.more')}
      </Button>
    </Group>
  );
}
