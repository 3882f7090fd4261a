import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { timeZoneName } from '@majlis/catalogue';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorNotice, PageSkeleton, PageTitle } from '../../components/states';
import type { NotificationMode, NotificationSettingsQuery } from '../../gql/graphql';
import { usePreferences } from '../../lib/preferences';
import { useMe } from '../../lib/session';
import { timeZoneChoices } from '../../lib/time-zones';
import { showRefusal, showToast } from '../../lib/toasts';
import { CalendarFeedSection } from './CalendarFeedSection';
import { NotificationSettingsDocument, UpdateNotificationPreferencesDocument } from './documents';

type Settings = NotificationSettingsQuery['notificationPreferences'];

const MODES: NotificationMode[] = ['immediate', 'digest', 'off'] as NotificationMode[];
/** The groups topics are shown in, by the part of their name before the dot. */
const GROUPS = ['proposal', 'ballot', 'actionItem'] as const;

/** Saves preferences; the answer replaces the settings shown and the person's own zone, with no refetch. */
function useUpdatePreferences() {
  const me = useMe();
  return useMutation(UpdateNotificationPreferencesDocument, {
    update(cache, { data }) {
      if (!data) return;
      const saved = data.updateNotificationPreferences;
      cache.writeQuery({ query: NotificationSettingsDocument, data: { notificationPreferences: saved } });
      cache.modify<{ timeZone: string | null }>({
        id: cache.identify({ __typename: 'Person', id: me.id }),
        fields: { timeZone: () => saved.timeZone ?? null },
      });
    },
  });
}

function Topics({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const [update, { loading }] = useUpdatePreferences();
  const [busy, setBusy] = useState<string | null>(null);

  async function choose(topic: string, mode: NotificationMode) {
    setBusy(topic);
    try {
      await update({
        variables: { preferences: [{ topic, mode }] },
        optimisticResponse: {
          updateNotificationPreferences: {
            timeZone: settings.timeZone ?? null,
            effectiveTimeZone: settings.effectiveTimeZone,
            preferences: settings.preferences.map((row) => (row.topic === topic ? { ...row, mode } : row)),
          },
        },
      });
      showToast('green', 'inbox.saved', { topic: t(`inbox.topics.${topic}`), mode: t(`inbox.modes.${mode}`) });
    } catch (error) {
      showRefusal(error, t);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="md">
      {GROUPS.map((group) => {
        const rows = settings.preferences.filter((row) => row.topic.split('.')[0] === group);
        if (rows.length === 0) return null;
        return (
          <Stack key={group} gap="xs">
            <Title order={3} size="h5">
              {t(`inbox.groups.${group}`)}
            </Title>
            {rows.map((row) => (
              <Paper key={row.topic} withBorder radius="md" p="sm">
                <Radio.Group
                  label={t(`inbox.topics.${row.topic}`)}
                  value={row.mode}
                  onChange={(value) => void choose(row.topic, value as NotificationMode)}
                  styles={{ label: { fontWeight: 600, marginBottom: 6 } }}
                >
                  <Group gap="lg" wrap="wrap">
                    {MODES.map((mode) => (
                      <Radio
                        key={mode}
                        value={mode}
                        label={t(`inbox.modes.${mode}`)}
                        disabled={loading && busy === row.topic}
                      />
                    ))}
                  </Group>
                </Radio.Group>
              </Paper>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}

function TimeZone({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { lang, digits } = usePreferences();
  const zones = useMemo(() => timeZoneChoices(lang), [lang]);
  const [zone, setZone] = useState<string | null>(settings.timeZone ?? null);
  const [update, { loading, error, reset }] = useUpdatePreferences();

  async function save(next: string | null) {
    try {
      await update({ variables: { timeZone: next } });
      setZone(next);
      showToast('green', 'inbox.zoneSaved');
    } catch {
      // Shown under the field; the choice stays.
    }
  }

  return (
    <Stack gap="sm">
      <Text size="sm">{t('inbox.zoneLead', { zone: timeZoneName(settings.effectiveTimeZone, lang, digits) })}</Text>
      <ErrorAlert error={error} />
      <Select
        label={t('inbox.zoneLabel')}
        placeholder={t('inbox.zoneCityPlaceholder')}
        data={zones}
        value={zone}
        onChange={(value) => {
          reset();
          setZone(value);
        }}
        searchable
        limit={80}
        nothingFoundMessage={t('inbox.zoneNone')}
        comboboxProps={{ withinPortal: true }}
        maw={520}
      />
      <Group gap="sm">
        <Button
          onClick={() => void save(zone)}
          loading={loading}
          disabled={zone === null || zone === settings.timeZone}
        >
          {t('inbox.zoneSave')}
        </Button>
        <Button
          variant="default"
          onClick={() => void save(null)}
          loading={loading}
          disabled={settings.timeZone === null || settings.timeZone === undefined}
        >
          {t('inbox.zoneCity')}
        </Button>
      </Group>
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** How the signed-in person hears of each kind of event, their time zone, and their calendar feed. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(NotificationSettingsDocument);
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Anchor component={Link} to="/notifications" size="sm" w="fit-content">
          {t('inbox.back')}
        </Anchor>
        <PageTitle>{t('inbox.settingsTitle')}</PageTitle>
        <Text c="dimmed" size="sm">
          {t('inbox.settingsLead')}
        </Text>
      </Stack>
      {loading && !data ? <PageSkeleton rows={4} /> : null}
      {!data && error ? <ErrorNotice error={error} /> : null}
      {data ? (
        <>
          <Section id="inbox-topics" title={t('inbox.topicsTitle')}>
            <Text size="sm">{t('inbox.topicsLead')}</Text>
            <Topics settings={data.notificationPreferences} />
          </Section>
          <Section id="inbox-zone" title={t('inbox.zoneTitle')}>
            <TimeZone settings={data.notificationPreferences} />
          </Section>
        </>
      ) : null}
      <Section id="inbox-feed" title={t('inbox.feedTitle')}>
        <CalendarFeedSection />
      </Section>
    </Stack>
  );
}
