import { useQuery, useSubscription } from '@apollo/client/react';
import { ActionIcon, Indicator } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UnreadCountDocument } from '../../lib/documents';
import { useFormat } from '../../lib/preferences';
import { NotificationAddedDocument } from './documents';

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** The header's bell: the unread count, raised live when a notification arrives. */
export function UnreadIndicator() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, client } = useQuery(UnreadCountDocument);
  useSubscription(NotificationAddedDocument, {
    onData: () => {
      client.cache.updateQuery({ query: UnreadCountDocument }, (current) => ({
        unreadNotificationCount: (current?.unreadNotificationCount ?? 0) + 1,
      }));
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'notifications' });
    },
  });
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <Indicator
      label={format.number(count)}
      disabled={count === 0}
      size={18}
      offset={4}
      color="red.9"
      styles={{ indicator: { fontWeight: 700 } }}
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="default"
        size="lg"
        aria-label={t('header.notifications', { count })}
      >
        <BellIcon />
      </ActionIcon>
    </Indicator>
  );
}
