import { useQuery } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateStamp } from '../../components/DateStamp';
import { EmptyState, ErrorNotice, PageSkeleton } from '../../components/states';
import type { NotificationListQuery } from '../../gql/graphql';
import { directionOf } from '../../lib/numbers';
import { usePreferences } from '../../lib/preferences';
import { NotificationListDocument } from './documents';
import { useMarkRead } from './use-mark-read';

type Row = NotificationListQuery['notifications']['edges'][number]['node'];

function NotificationRow({ row }: { row: Row }) {
  const { t } = useTranslation();
  const [mark, { loading }] = useMarkRead();
  const unread = row.readAt === null || row.readAt === undefined;
  const markRead = () => {
    if (unread) void mark({ variables: { ids: [row.id] } }).catch(() => undefined);
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      style={{
        borderInlineStartWidth: unread ? 4 : 1,
        borderInlineStartColor: unread ? 'var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Text
            component={Link}
            to={row.path}
            onClick={markRead}
            fw={unread ? 700 : 500}
            c="inherit"
            td="underline"
            lang={row.locale}
            dir={directionOf(row.locale)}
            style={{ overflowWrap: 'anywhere', textAlign: 'start' }}
          >
            {row.title}
          </Text>
          <Text
            size="sm"
            lineClamp={3}
            lang={row.locale}
            dir={directionOf(row.locale)}
            style={{ overflowWrap: 'anywhere', textAlign: 'start' }}
          >
            {row.body}
          </Text>
          <Text size="xs" c="dimmed">
            {unread ? `${t('notifications.unread')} · ` : ''}
            <DateStamp value={row.createdAt} withTime size="xs" />
          </Text>
        </Stack>
        {unread ? (
          <Button size="compact-sm" variant="default" onClick={markRead} loading={loading}>
            {t('notifications.markRead')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}

interface Props {
  unreadOnly?: boolean;
  first?: number;
  empty: string;
}

export function NotificationRows({ unreadOnly = false, first = 30, empty }: Props) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const { data, error, loading, fetchMore, refetch } = useQuery(NotificationListDocument, {
    variables: { first, unreadOnly },
  });
  // The server keeps every message in both languages: after a switch, read them again in the new one.
  const readIn = useRef(lang);
  useEffect(() => {
    if (readIn.current === lang) return;
    readIn.current = lang;
    void refetch().catch(() => undefined);
  }, [lang, refetch]);
  if (loading && !data) return <PageSkeleton rows={3} />;
  if (!data) return <ErrorNotice error={error} />;
  const { edges, pageInfo } = data.notifications;
  if (edges.length === 0) return <EmptyState title={empty} />;
  return (
    <Stack gap="xs">
      {edges.map(({ node }) => (
        <NotificationRow key={node.id} row={node} />
      ))}
      {pageInfo.hasNextPage && !unreadOnly ? (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => void fetchMore({ variables: { after: pageInfo.endCursor } })}
        >
          {t('common.more')}
        </Button>
      ) : null}
    </Stack>
  );
}
