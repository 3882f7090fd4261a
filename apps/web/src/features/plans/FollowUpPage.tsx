import { useQuery } from '@apollo/client/react';
import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LocalizedText } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, PageSkeleton, PageTitle } from '../../components/states';
import type { TrackStatus } from '../../gql/graphql';
import { FollowUpListDocument } from './documents';
import { TrackBadge } from './PlanStatus';

const URGENCY: Record<TrackStatus, number> = { late: 0, atRisk: 1, onTrack: 2 };

/** Every implementation plan with how it stands: late ones first, then those at risk, then the rest. */
export function FollowUpPage() {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(FollowUpListDocument, { fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <PageSkeleton rows={4} />;
  if (!data) return <ErrorNotice error={error} />;
  const plans = [...data.implementationPlans].sort(
    (a, b) =>
      URGENCY[a.summary.status] - URGENCY[b.summary.status] ||
      b.summary.overdueCount - a.summary.overdueCount ||
      b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle>{t('followUp.title')}</PageTitle>
        <Text size="sm" c="dimmed">
          {t('followUp.lead')}
        </Text>
      </Stack>
      {plans.length === 0 ? (
        <EmptyState title={t('followUp.noPlans')}>{t('followUp.noPlansLead')}</EmptyState>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} aria-label={t('followUp.listLabel')}>
          {plans.map((plan) => (
            <Paper
              component="li"
              key={plan.id}
              withBorder
              radius="md"
              p="md"
              style={{ listStyle: 'none' }}
              data-testid="plan-row"
              data-status={plan.summary.status}
            >
              <Stack gap={6}>
                <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
                  <Text
                    component={Link}
                    to={`/implementation-plans/${plan.id}`}
                    fw={700}
                    c="majlis.9"
                    style={{ minWidth: 0, flex: 1, overflowWrap: 'anywhere' }}
                  >
                    <LocalizedText value={plan.title} quietFallback />
                  </Text>
                  <TrackBadge status={plan.summary.status} />
                </Group>
                {plan.programme ? (
                  <Text size="sm" c="dimmed">
                    {t('plan.programme')} <LocalizedText value={plan.programme} quietFallback />
                  </Text>
                ) : null}
                <Progress value={plan.summary.progress} aria-label={t('plan.progress')} />
                <Text size="sm">
                  {t('plan.progressValue', { value: plan.summary.progress })}
                  {' · '}
                  {t('plan.itemCount', { count: plan.summary.itemCount })}
                  {' · '}
                  {t('plan.overdueCount', { count: plan.summary.overdueCount })}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
