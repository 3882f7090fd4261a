import { useMutation, useQuery } from '@apollo/client/react';
import { Button, CopyButton, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorNotice, PageSkeleton } from '../../components/states';
import { showToast } from '../../lib/toasts';
import { CalendarFeedDocument, CreateCalendarFeedDocument, RevokeCalendarFeedDocument } from './documents';

function Confirm({
  opened,
  title,
  body,
  action,
  loading,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  body: string;
  action: string;
  loading: boolean;
  error: unknown;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={title}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{body}</Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" onClick={onConfirm} loading={loading}>
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The person's calendar feed: make its secret address (shown once), copy it, replace it, stop it. */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(CalendarFeedDocument);
  const [url, setUrl] = useState<string | null>(null);
  const [asking, setAsking] = useState<'replace' | 'revoke' | null>(null);
  const [create, creating] = useMutation(CreateCalendarFeedDocument, {
    update(cache, { data: made }) {
      if (made) cache.writeQuery({ query: CalendarFeedDocument, data: { calendarFeed: made.createCalendarFeed.feed } });
    },
  });
  const [revoke, revoking] = useMutation(RevokeCalendarFeedDocument, {
    update(cache) {
      cache.writeQuery({ query: CalendarFeedDocument, data: { calendarFeed: null } });
    },
  });

  async function make() {
    try {
      const result = await create();
      setUrl(result.data?.createCalendarFeed.url ?? null);
      setAsking(null);
    } catch {
      // Shown beside the button or in the dialog.
    }
  }

  async function stop() {
    try {
      await revoke();
      setUrl(null);
      setAsking(null);
      showToast('green', 'inbox.feedRevoked');
    } catch {
      // Shown in the dialog.
    }
  }

  if (loading && !data) return <PageSkeleton rows={1} />;
  if (!data) return <ErrorNotice error={error} />;
  const feed = data.calendarFeed;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('inbox.feedLead')}</Text>
      {asking === null ? <ErrorAlert error={creating.error} /> : null}
      {feed === null || feed === undefined ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm" fw={600}>
            {t('inbox.feedNone')}
          </Text>
          <Button onClick={() => void make()} loading={creating.loading}>
            {t('inbox.feedCreate')}
          </Button>
        </Stack>
      ) : (
        <Stack gap="sm">
          {url !== null ? (
            <Paper withBorder radius="md" p="sm" style={{ borderColor: 'var(--mantine-color-green-9)' }}>
              <Stack gap="xs">
                <Text size="sm" fw={600}>
                  {t('inbox.feedCopyNow')}
                </Text>
                <TextInput
                  label={t('inbox.feedUrl')}
                  value={url}
                  readOnly
                  dir="ltr"
                  onFocus={(event) => event.currentTarget.select()}
                  styles={{ input: { fontFamily: 'monospace' } }}
                />
                <CopyButton value={url}>
                  {({ copied, copy }) => (
                    <Button w="fit-content" variant={copied ? 'light' : 'filled'} onClick={copy}>
                      {copied ? t('inbox.feedCopied') : t('inbox.feedCopy')}
                    </Button>
                  )}
                </CopyButton>
              </Stack>
            </Paper>
          ) : (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                <Trans i18nKey="inbox.feedSince" components={[<DateStamp value={feed.createdAt} />]} />
              </Text>
              <Text size="sm" c="dimmed">
                {t('inbox.feedHidden')}
              </Text>
            </Stack>
          )}
          <Group gap="sm">
            <Button variant="default" onClick={() => setAsking('replace')}>
              {t('inbox.feedNew')}
            </Button>
            <Button variant="outline" color="red.9" onClick={() => setAsking('revoke')}>
              {t('inbox.feedRevoke')}
            </Button>
          </Group>
        </Stack>
      )}
      <Confirm
        opened={asking === 'replace'}
        title={t('inbox.feedReplaceTitle')}
        body={t('inbox.feedReplaceBody')}
        action={t('inbox.feedNew')}
        loading={creating.loading}
        error={creating.error}
        onConfirm={() => void make()}
        onClose={() => setAsking(null)}
      />
      <Confirm
        opened={asking === 'revoke'}
        title={t('inbox.feedRevokeTitle')}
        body={t('inbox.feedRevokeBody')}
        action={t('inbox.feedRevoke')}
        loading={revoking.loading}
        error={revoking.error}
        onConfirm={() => void stop()}
        onClose={() => setAsking(null)}
      />
    </Stack>
  );
}
