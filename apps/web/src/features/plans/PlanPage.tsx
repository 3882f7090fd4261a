import { useQuery, useSubscription } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateStamp } from '../../components/DateStamp';
import { LocalizedText } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, NotFound, PageSkeleton, PageTitle } from '../../components/states';
import { errorCode } from '../../lib/errors';
import { pickText } from '../../lib/localized';
import { useFormat, usePreferences } from '../../lib/preferences';
import { hasRole, useMe } from '../../lib/session';
import { PlanPageDocument, PlanUpdatedDocument } from './documents';
import { AddItemDialog, BlockDialog, ReportDialog } from './ItemDialogs';
import { buildTree, PlanItemTree, visibleIds, type Item, type TreeActions } from './PlanItemTree';
import { ItemStateBadge, TrackBadge } from './PlanStatus';

const CityChart = lazy(() => import('./CityChart'));

const FINISHED = ['cancelled', 'verified'];

function SectionTitle({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <Text component="h2" id={id} fw={700} size="lg" m={0}>
      {children}
    </Text>
  );
}

/** The implementation plan of an approved proposal: its follow-up, live. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { lang } = usePreferences();
  const me = useMe();
  const { data, error, loading } = useQuery(PlanPageDocument, { variables: { id } });
  // Every change to the plan arrives here and lands in the cache: roll-up, items and city shares follow.
  useSubscription(PlanUpdatedDocument, { variables: { id }, skip: !data });
  const manage = hasRole(me, 'SECRETARIAT');
  const myCity = me.memberCity ?? null;
  const [scope, setScope] = useState<'mine' | 'all'>(manage || myCity === null ? 'all' : 'mine');
  const [adding, setAdding] = useState<{ parentId: string | null } | null>(null);
  const [reporting, setReporting] = useState<Item | null>(null);
  const [blocking, setBlocking] = useState<Item | null>(null);

  const items = useMemo(() => data?.implementationPlan.allItems ?? [], [data]);
  const tree = useMemo(() => buildTree(items), [items]);

  if (loading && !data) return <PageSkeleton rows={5} />;
  if (errorCode(error) === 'NOT_FOUND') return <NotFound />;
  if (!data) return <ErrorNotice error={error} />;
  const plan = data.implementationPlan;
  const { summary } = plan;
  const cities = data.memberCities;
  const cityName = (cityId: string) => cities.find((city) => city.id === cityId)?.name;
  const cityLabel = (cityId: string) => {
    const name = cityName(cityId);
    return (name ? pickText(name, lang)?.text : null) ?? '';
  };
  const shown = scope === 'mine' && myCity ? visibleIds(tree, myCity.id) : null;
  const overdue = items
    .filter((item) => item.overdue && (shown === null || item.ownerCity?.id === myCity?.id))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const hasOpenChildren = (item: Item) => (tree.get(item.id) ?? []).some((child) => child.state !== 'cancelled');
  const actions: TreeActions = {
    manage,
    mayReport: (item) =>
      (manage || (hasRole(me, 'DELEGATE') && myCity !== null && item.ownerCity?.id === myCity.id)) &&
      !FINISHED.includes(item.state) &&
      !hasOpenChildren(item),
    onReport: setReporting,
    onBlock: setBlocking,
    onAddUnder: (item) => setAdding({ parentId: item.id }),
  };
  const shares = [...plan.cityShares].sort((a, b) =>
    cityLabel(a.memberCityId).localeCompare(cityLabel(b.memberCityId), lang),
  );
  const milestones = items.filter((item) => item.kind === 'MILESTONE');

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
        <Group gap="xs" mt={4}>
          <Button
            component="a"
            href={`/implementation-plans/${plan.id}/items.csv?lang=${lang}`}
            download
            variant="default"
            size="sm"
          >
            {t('followUp.downloadCsv')}
          </Button>
          <Anchor component={Link} to="/follow-up" size="sm">
            {t('followUp.allPlans')}
          </Anchor>
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" fw={700} c="dimmed">
            {t('plan.progress')}
          </Text>
          <Text fw={700} size="xl" data-testid="plan-progress">
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

      {overdue.length > 0 ? (
        <Stack component="section" aria-labelledby="plan-overdue" gap="sm" data-testid="overdue-section">
          <SectionTitle id="plan-overdue">{t('followUp.overdueTitle')}</SectionTitle>
          <Stack component="ul" gap="xs" p={0} m={0}>
            {overdue.map((item) => (
              <Paper
                component="li"
                key={item.id}
                withBorder
                p="sm"
                radius="md"
                style={{ listStyle: 'none', borderInlineStart: '4px solid var(--mantine-color-red-9)' }}
                data-testid="overdue-item"
              >
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere', flex: 1 }}>
                    <LocalizedText value={item.title} />
                  </Text>
                  <Group gap={4}>
                    <Badge color="red.9" variant="filled" tt="none">
                      {t('plan.status.late')}
                    </Badge>
                    <ItemStateBadge state={item.state} />
                  </Group>
                </Group>
                <Text size="xs" mt={4}>
                  {item.ownerCity ? <LocalizedText value={item.ownerCity.name} quietFallback /> : null}
                  {' · '}
                  {t('plan.due')} <DateStamp value={item.dueDate} size="xs" />
                </Text>
              </Paper>
            ))}
          </Stack>
        </Stack>
      ) : null}

      <Stack component="section" aria-labelledby="plan-items" gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <SectionTitle id="plan-items">{t('plan.items')}</SectionTitle>
          <Group gap="xs">
            {myCity && !manage ? (
              <SegmentedControl
                size="xs"
                value={scope}
                onChange={(value) => setScope(value as 'mine' | 'all')}
                aria-label={t('followUp.scopeLabel')}
                data={[
                  { value: 'mine', label: t('followUp.scopeMine') },
                  { value: 'all', label: t('followUp.scopeAll') },
                ]}
              />
            ) : null}
            {manage ? <Button onClick={() => setAdding({ parentId: null })}>{t('followUp.addItem')}</Button> : null}
          </Group>
        </Group>
        {items.length === 0 ? (
          <EmptyState title={t('plan.noItems')}>{manage ? t('followUp.noItemsLead') : null}</EmptyState>
        ) : shown !== null && shown.size === 0 ? (
          <EmptyState title={t('followUp.noCityItems')} />
        ) : (
          <PlanItemTree items={items} tree={tree} shown={shown} actions={actions} />
        )}
      </Stack>

      <Stack component="section" aria-labelledby="plan-cities" gap="sm">
        <SectionTitle id="plan-cities">{t('followUp.byCity')}</SectionTitle>
        {shares.length === 0 ? (
          <EmptyState title={t('followUp.noCityShares')} />
        ) : (
          <Paper withBorder p="md" radius="md">
            <Suspense fallback={<Skeleton h={160} />}>
              <div
                aria-hidden="true"
                data-testid="city-chart"
                style={{ width: '100%', minWidth: 0, overflow: 'hidden' }}
              >
                <CityChart
                  lang={lang}
                  percent={(value) => t('plan.progressValue', { value })}
                  seriesLabel={t('plan.progress')}
                  data={shares.map((share) => ({
                    city: cityLabel(share.memberCityId),
                    progress: share.summary.progress,
                  }))}
                />
              </div>
            </Suspense>
            <Table mt="sm" striped data-testid="city-table">
              <Table.Caption>{t('followUp.byCityCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('followUp.city')}</Table.Th>
                  <Table.Th>{t('plan.progress')}</Table.Th>
                  <Table.Th>{t('plan.statusTitle')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shares.map((share) => (
                  <Table.Tr key={share.memberCityId} data-city-id={share.memberCityId}>
                    <Table.Td>
                      <LocalizedText value={cityName(share.memberCityId)} quietFallback />
                    </Table.Td>
                    <Table.Td data-testid="city-progress">
                      {t('plan.progressValue', { value: share.summary.progress })}
                    </Table.Td>
                    <Table.Td>
                      <TrackBadge status={share.summary.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>

      {adding ? (
        <AddItemDialog
          key={adding.parentId ?? 'top'}
          planId={plan.id}
          opened
          onClose={() => setAdding(null)}
          cities={cities}
          milestones={milestones}
          parentId={adding.parentId}
        />
      ) : null}
      <ReportDialog item={reporting} onClose={() => setReporting(null)} />
      <BlockDialog item={blocking} onClose={() => setBlocking(null)} />
    </Stack>
  );
}
