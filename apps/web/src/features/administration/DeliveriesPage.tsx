import { isReference, NetworkStatus } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import { EmptyState, ErrorNotice, PageSkeleton, PageTitle } from '../../components/states';
import type { FailedDeliveriesQuery } from '../../gql/graphql';
import { hasRole, useMe } from '../../lib/session';
import { showRefusal, showToast } from '../../lib/toasts';
import { NotAllowed } from './NotAllowed';
import { FailedDeliveriesDocument, QueuesOnRedisDocument, RetryDeliveryDocument } from './operations-documents';

type Connection = FailedDeliveriesQuery['failedDeliveries'];
type Delivery = Connection['edges'][number]['node'];

const PAGE = 20;

/** The event's name from the notification settings' words, or the topic itself for one they do not know. */
function useTopicName() {
  const { t, i18n } = useTranslation();
  return (topic: string) => (i18n.exists(`inbox.topics.${topic}`) ? t(`inbox.topics.${topic}`) : topic);
}

function DeliveryRow({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const topicName = useTopicName();
  const [retry, { loading }] = useMutation(RetryDeliveryDocument, {
    // Sent again, it is no longer a failure: off the list, without asking for the pages shown again.
    update(cache) {
      cache.modify<{ failedDeliveries: Connection }>({
        id: 'ROOT_QUERY',
        fields: {
          failedDeliveries: (existing, { readField }) =>
            isReference(existing)
              ? existing
              : {
                  ...existing,
                  totalCount: Math.max(0, existing.totalCount - 1),
                  edges: existing.edges.filter((edge) => readField('id', edge.node) !== delivery.id),
                },
        },
      });
    },
  });
  async function send() {
    try {
      await retry({ variables: { id: delivery.id } });
      showToast('green', 'operations.deliveries.retried');
    } catch (error) {
      showRefusal(error, t);
    }
  }
  return (
    <Paper withBorder radius="md" p="sm" component="li">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color={delivery.channel === 'email' ? 'blue.9' : 'grape.9'}>
              {t(`operations.deliveries.channel.${delivery.channel}`)}
            </Badge>
            <Text fw={600}>{topicName(delivery.topic)}</Text>
          </Group>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('operations.deliveries.to')}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere', fontFamily: 'monospace' }}>
              <bdi dir="ltr">{delivery.address}</bdi>
            </Text>
          </Stack>
          <Text size="xs" c="dimmed">
            {t('operations.deliveries.failedAt')}:{' '}
            <DateStamp value={delivery.failedAt ?? delivery.createdAt} withTime size="xs" />
            {' · '}
            {t('operations.deliveries.attempts', { count: delivery.attempts })}
            {' · '}
            {t('operations.deliveries.round', { round: delivery.round })}
          </Text>
          {delivery.lastError ? (
            <Stack gap={2}>
              <Text size="xs" fw={600}>
                {t('operations.deliveries.error')}
              </Text>
              <Code block dir="ltr" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {delivery.lastError}
              </Code>
            </Stack>
          ) : null}
        </Stack>
        <Button onClick={() => void send()} loading={loading}>
          {t('operations.deliveries.retry')}
        </Button>
      </Group>
    </Paper>
  );
}

function QueueDashboardLink() {
  const { t } = useTranslation();
  const { data } = useQuery(QueuesOnRedisDocument);
  if (!data?.instance.queuesOnRedis) return null;
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap={4}>
        <Text fw={600}>{t('operations.deliveries.queues')}</Text>
        <Text size="sm">{t('operations.deliveries.queuesLead')}</Text>
        {/* The API's own page: a full page load, not a client route. */}
        <Anchor href="/admin/queues" target="_blank" rel="noopener" w="fit-content">
          {t('operations.deliveries.queuesOpen')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/** E-mails and webhook calls that failed after their last attempt (admins): each can be sent again. */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { data, error, loading, fetchMore, networkStatus } = useQuery(FailedDeliveriesDocument, {
    variables: { first: PAGE },
    skip: !hasRole(me, 'ADMIN'),
    fetchPolicy: 'cache-and-network',
  });
  if (!hasRole(me, 'ADMIN')) return <NotAllowed />;
  const connection = data?.failedDeliveries;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle>{t('operations.deliveries.title')}</PageTitle>
        <Text c="dimmed" size="sm">
          {t('operations.deliveries.lead')}
        </Text>
      </Stack>
      <QueueDashboardLink />
      {loading && !data ? <PageSkeleton rows={3} /> : null}
      {!data && error ? <ErrorNotice error={error} /> : null}
      {connection ? (
        <Stack gap="xs">
          {connection.totalCount > 0 ? (
            <Text fw={600}>{t('operations.deliveries.count', { count: connection.totalCount })}</Text>
          ) : null}
          {connection.edges.length === 0 ? (
            <EmptyState title={t('operations.deliveries.none')} />
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {connection.edges.map(({ node }) => (
                <DeliveryRow key={node.id} delivery={node} />
              ))}
            </Stack>
          )}
          {connection.pageInfo.hasNextPage ? (
            <Button
              variant="default"
              w="fit-content"
              loading={networkStatus === NetworkStatus.fetchMore}
              onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}
            >
              {t('common.more')}
            </Button>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
