import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserTimeZone } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { usePreferences } from '../../lib/preferences';
import { timeZoneName } from '@majlis/catalogue';
import { timeZoneChoices } from '../../lib/time-zones';
import { UpdateMyProfileDocument } from './documents';

interface Props {
  opened: boolean;
  onClose(): void;
  /** The zone saved in the profile; null when none was chosen. */
  saved: string | null | undefined;
}

/** The person's own time zone, for the times shown beside the meeting's. */
export function TimeZoneDialog({ opened, onClose, saved }: Props) {
  const { t } = useTranslation();
  const { lang, digits } = usePreferences();
  // Picking a zone: each named in the reader's language, its identifier beside the name.
  const zones = useMemo(() => (opened ? timeZoneChoices(lang) : []), [opened, lang]);
  const [zone, setZone] = useState<string | null>(saved ?? null);
  const [update, { loading, error, reset }] = useMutation(UpdateMyProfileDocument);

  async function save(next: string | null) {
    try {
      await update({ variables: { input: { timeZone: next } } });
      onClose();
    } catch {
      // The message shows under the field; the choice stays.
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('timeZone.title')} centered>
      <Stack gap="md">
        <Text size="sm">{t('timeZone.explain', { zone: timeZoneName(browserTimeZone(), lang, digits) })}</Text>
        <Select
          label={t('timeZone.label')}
          data={zones}
          value={zone}
          onChange={(value) => {
            reset();
            setZone(value);
          }}
          searchable
          nothingFoundMessage={t('timeZone.none')}
          error={error ? errorMessage(error, t) : null}
          limit={80}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="space-between" gap="sm">
          <Button variant="default" onClick={() => void save(null)} loading={loading}>
            {t('timeZone.useDefault')}
          </Button>
          <Button onClick={() => void save(zone)} loading={loading} disabled={zone === null}>
            {t('timeZone.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
