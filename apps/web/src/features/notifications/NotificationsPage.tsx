import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../components/ListRow';
import { PageTitle } from '../../components/states';
import { UnreadCountDocument } from '../../lib/documents';
import { NotificationRows } from './NotificationRows';
import { useMarkRead } from './use-mark-read';

export function NotificationsPage() {
  const { t } = useTranslation();
  const { data } = useQuery(UnreadCountDocument);
  const [mark, { loading }] = useMarkRead();
  const unread = data?.unreadNotificationCount ?? 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <PageTitle>{t('notifications.title')}</PageTitle>
        <Group gap="sm">
          <Button component={Link} to="/notifications/settings" variant="default">
            {t('inbox.settings')}
          </Button>
          <Button
            variant="default"
            disabled={unread === 0}
            loading={loading}
            onClick={() => void mark({ variables: { all: true } }).catch(() => undefined)}
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
      </Group>
      <NotificationRows empty={t('notifications.empty')} />
    </Stack>
  );
}

/** For every home page: what is unread. */
export function UnreadNotifications() {
  const { t } = useTranslation();
  return (
    <Section id="home-notifications" title={t('home.unread')}>
      <NotificationRows unreadOnly first={10} empty={t('home.noUnread')} />
    </Section>
  );
}
