import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateStamp } from '../../components/DateStamp';
import { LocalizedText } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, NotFound, PageSkeleton, PageTitle } from '../../components/states';
import type { PlanItemFragment } from '../../gql/graphql';
import { errorCode } from '../../lib/errors';
import { useFormat } from '../../lib/preferences';
import { PlanPageDocument } from './documents';
import { ItemStateBadge, TrackBadge } from './PlanStatus';

function ItemRow({ item, nested = false }: { item: PlanItemFragment; nested?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap={4}
      ps={nested ? 'lg' : 0}
      style={nested ? { borderInlineStart: '2px solid var(--mantine-color-gray-3)' } : undefined}
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={nested ? 500 : 600} style={{ minWidth: 0, overflowWrap: 'anywhere', flex: 1 }}>
          <LocalizedText value={item.title} />
        </Text>
        <Group gap={4}>
          {item.overdue ? (
            <Badge color="red.9" variant="filled" tt="none">
              {t('plan.overdue')}
            </Badge>
          ) : null}
          <ItemStateBadge state={item.state} />
        </Group>
      </Group>
      <Progress value={item.progress} size="sm" aria-label={t('plan.progress')} />
      <Text size="xs" c="dimmed">
        {t('plan.progressValue', { value: item.progress })}
        {item.ownerCity ? (
          <>
            {' · '}
            <LocalizedText value={item.ownerCity.name} quietFallback />
          </>
        ) : null}
        {' · '}
        {t('plan.due')} <DateStamp value={item.dueDate} size="xs" />
      </Text>
    </Stack>
  );
}

/** The implementation plan of an approved proposal: progress, status and its items. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, loading } = useQuery(PlanPageDocument, { variables: { id } });
  if (loading && !data) return <PageSkeleton rows={5} />;
  if (errorCode(error) === 'NOT_FOUND') return <NotFound />;
  if (!data) return <ErrorNotice error={error} />;
  const plan = data.implementationPlan;
  const { summary } = plan;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {t('plan.kicker')}
        </Text>
        <PageTitle>
          <LocalizedText value={plan.title} />
        </PageTitle>
        {plan.proposal ? (
          <Anchor component={Link} to={`/proposals/${plan.proposal.id}`} size="sm">
            {t('plan.fromProposal')} <LocalizedText value={plan.proposal.title} quietFallback />
          </Anchor>
        ) : null}
        {plan.programme ? (
          <Text size="sm">
            {t('plan.programme')} <LocalizedText value={plan.programme} />
          </Text>
        ) : null}
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" fw={700} c="dimmed">
            {t('plan.progress')}
          </Text>
          <Text fw={700} size="xl">
            {t('plan.progressValue', { value: summary.progress })}
          </Text>
          <Progress value={summary.progress} aria-label={t('plan.progress')} mt={6} />
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" fw={700} c="dimmed">
            {t('plan.statusTitle')}
          </Text>
          <Group mt={6}>
            <TrackBadge status={summary.status} />
          </Group>
          <Text size="sm" mt={6}>
            {t('plan.overdueCount', { count: summary.overdueCount })}
          </Text>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" fw={700} c="dimmed">
            {t('plan.items')}
          </Text>
          <Text fw={700} size="xl">
            {format.number(summary.itemCount)}
          </Text>
          <Group gap={4} mt={6}>
            {summary.itemsByState
              .filter((entry) => entry.count > 0)
              .map((entry) => (
                <Badge key={entry.state} variant="outline" color="gray.8" tt="none">
                  {t(`states:actionItem.${entry.state}`)}: {format.number(entry.count)}
                </Badge>
              ))}
          </Group>
        </Paper>
      </SimpleGrid>

      <Stack component="section" aria-labelledby="plan-items" gap="sm">
        <Text component="h2" id="plan-items" fw={700} size="lg" m={0}>
          {t('plan.items')}
        </Text>
        {plan.items.length === 0 ? (
          <EmptyState title={t('plan.noItems')} />
        ) : (
          plan.items.map((item) => (
            <Paper key={item.id} withBorder p="md" radius="md">
              <Stack gap="sm">
                <ItemRow item={item} />
                {item.children.map((child) => (
                  <ItemRow key={child.id} item={child} nested />
                ))}
              </Stack>
            </Paper>
          ))
        )}
      </Stack>
    </Stack>
  );
}
