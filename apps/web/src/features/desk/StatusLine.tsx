import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/preferences';
import type { SaveStatus } from './use-draft-sync';

/** Where the text stands: saved at what time, being saved, kept on this device, or why not saved. */
export function StatusLine({ status, keptLocally }: { status: SaveStatus; keptLocally: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  let text: string;
  let color = 'dimmed';
  switch (status.kind) {
    case 'clean':
      text = t('desk.status.clean');
      break;
    case 'pending':
      text = t('desk.status.pending');
      break;
    case 'saving':
      text = t('desk.status.saving');
      break;
    case 'saved':
      text = t('desk.status.saved', { time: format.time(status.at) });
      break;
    case 'revision':
      text = t('desk.status.revision', { number: status.number, time: format.time(status.at) });
      break;
    case 'offline':
      text = t('desk.status.offline');
      color = 'rust.9';
      break;
    case 'invalid':
      text = t('desk.status.invalid');
      color = 'red.9';
      break;
    case 'refused':
      text = t('desk.status.refused', { reason: errorMessage(status.error, t) });
      color = 'red.9';
      break;
    case 'conflict':
      text = t('desk.status.conflict');
      color = 'red.9';
      break;
  }
  return (
    <Text size="sm" c={color} role="status" aria-live="polite" fw={status.kind === 'offline' ? 600 : undefined}>
      {text}
      {keptLocally ? null : ` ${t('desk.status.notKept')}`}
    </Text>
  );
}
