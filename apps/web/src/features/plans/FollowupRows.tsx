import { useQuery } from '@apollo/client/react';
import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListRow, Section } from '../../components/ListRow';
import { LocalizedText, type TextParts } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, PageSkeleton } from '../../components/states';
import { FollowupHomeDocument } from './documents';
import { TrackBadge } from './PlanStatus';

/** The follow-up of approved plans, with the person's own city's share when they have a city. */
export function CityFollowup({ city }: { city: { id: string; name: TextParts } | null | undefined }) {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(FollowupHomeDocument);
  const mine = data?.followupByCity.find((entry) => entry.memberCityId === city?.id);
  return (
    <Section id="home-followup" title={t('home.followup')}>
      {loading && !data ? <PageSkeleton rows={1} /> : null}
      {!loading && !data ? <ErrorNotice error={error} /> : null}
      {city && mine ? (
        <Paper withBorder p="md" radius="md">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs">
              <Text fw={600}>
                {t('home.cityShare')} <LocalizedText value={city.name} quietFallback />
              </Text>
              <TrackBadge status={mine.summary.status} />
            </Group>
            <Progress value={mine.summary.progress} aria-label={t('plan.progress')} />
            <Text size="sm">
              {t('plan.progressValue', { value: mine.summary.progress })}
              {' · '}
              {t('plan.itemCount', { count: mine.summary.itemCount })}
              {' · '}
              {t('plan.overdueCount', { count: mine.summary.overdueCount })}
            </Text>
          </Stack>
        </Paper>
      ) : null}
      {data && data.implementationPlans.length === 0 ? <EmptyState title={t('home.noPlans')} /> : null}
      {data?.implementationPlans.map((plan) => (
        <ListRow
          key={plan.id}
          to={`/implementation-plans/${plan.id}`}
          title={<LocalizedText value={plan.title} quietFallback />}
          meta={t('plan.progressValue', { value: plan.summary.progress })}
          aside={<TrackBadge status={plan.summary.status} />}
        />
      ))}
    </Section>
  );
}
