import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DateStamp } from '../../components/DateStamp';
import { LocalizedText } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, PageSkeleton, PageTitle } from '../../components/states';
import type { DeskRowFragment, ProposalCategory, ProposalFilter, ProposalState } from '../../gql/graphql';
import { pickText } from '../../lib/localized';
import { usePreferences } from '../../lib/preferences';
import { useMe } from '../../lib/session';
import { mayDraft, mayEdit } from '../../lib/proposal-access';
import { DeskListDocument, DeskMeetingsDocument } from './documents';
import { ProposalStateBadge } from '../../components/ProposalStateBadge';

const PAGE = 20;
const STATES: ProposalState[] = [
  'draft',
  'submitted',
  'inReview',
  'changesRequested',
  'readyForBoard',
  'scheduled',
  'voting',
  'approved',
  'rejected',
  'deferred',
  'withdrawn',
];
const CATEGORIES: ProposalCategory[] = ['STRATEGIC_PLAN', 'PROGRAMME', 'GOVERNANCE', 'OTHER'];

const isState = (value: string | null): value is ProposalState => STATES.includes(value as ProposalState);
const isCategory = (value: string | null): value is ProposalCategory => CATEGORIES.includes(value as ProposalCategory);

/** One proposal: its title opens its page; a draft of the person's city has an edit link beside it. */
function DeskRow({ node, amendment = false }: { node: DeskRowFragment; amendment?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const { lang } = usePreferences();
  const editable = mayEdit(me, node.ownerCity.id, node.state);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="article"
      style={amendment ? { marginInlineStart: 'var(--mantine-spacing-lg)' } : undefined}
    >
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          {amendment ? (
            <Text size="xs" c="dimmed" fw={600}>
              {t('desk.list.amendment')}
            </Text>
          ) : null}
          <Anchor component={Link} to={`/proposals/${node.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            <LocalizedText value={node.title} quietFallback />
          </Anchor>
          <Text size="sm" c="dimmed" component="div" style={{ overflowWrap: 'anywhere' }}>
            <LocalizedText value={node.ownerCity.name} quietFallback />
            {' · '}
            {t(`proposal.category.${node.category}`)}
            {node.meeting ? (
              <>
                {' · '}
                <LocalizedText value={node.meeting.title} quietFallback />
              </>
            ) : null}
            {' · '}
            {t('desk.list.updated')} <DateStamp value={node.updatedAt} />
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <ProposalStateBadge state={node.state} />
          {editable ? (
            <Button
              component={Link}
              to={`/proposals/${node.id}/edit`}
              size="xs"
              variant="light"
              aria-label={`${t('desk.list.edit')}: ${pickText(node.title, lang)?.text ?? ''}`}
            >
              {t('desk.list.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}

/** "My city's proposals" for a delegation; every proposal for the secretariat. Filters live in the address. */
export function DeskListPage() {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const state = params.get('state');
  const category = params.get('category');
  const meetingId = params.get('meeting');
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const cityId = me.memberCity?.id;
  const filter: ProposalFilter = {
    ...(cityId ? { ownerCityId: cityId } : {}),
    ...(isState(state) ? { states: [state] } : {}),
    ...(isCategory(category) ? { category } : {}),
    ...(meetingId ? { meetingId } : {}),
    ...(debouncedSearch ? { search: debouncedSearch } : {}),
  };
  const after = cursors.at(-1);
  const { data, error, loading } = useQuery(DeskListDocument, {
    variables: { filter, first: PAGE, ...(after ? { after } : {}) },
  });
  const meetings = useQuery(DeskMeetingsDocument);

  function setParam(name: string, value: string | null) {
    setCursors([]);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  const connection = data?.proposals;
  const shownIds = new Set(connection?.edges.map(({ node }) => node.id) ?? []);
  const filtered = Boolean(state ?? category ?? meetingId ?? debouncedSearch);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <PageTitle>{cityId ? t('desk.list.title') : t('desk.list.titleAll')}</PageTitle>
        {mayDraft(me) ? (
          <Button component={Link} to="/proposals/new">
            {t('desk.list.new')}
          </Button>
        ) : null}
      </Group>
      <Paper withBorder radius="md" p="sm" component="form" role="search" onSubmit={(e) => e.preventDefault()}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('desk.list.search')}
            description={t('desk.list.searchHint')}
            value={search}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setSearch(value);
              setParam('q', value.trim() || null);
            }}
            style={{ flex: '2 1 14rem' }}
            type="search"
          />
          <Select
            label={t('desk.list.state')}
            data={STATES.map((value) => ({ value, label: t(`states:proposal.${value}`) }))}
            value={isState(state) ? state : null}
            onChange={(value) => setParam('state', value)}
            placeholder={t('desk.list.any')}
            clearable
            style={{ flex: '1 1 10rem' }}
          />
          <Select
            label={t('desk.list.category')}
            data={CATEGORIES.map((value) => ({ value, label: t(`proposal.category.${value}`) }))}
            value={isCategory(category) ? category : null}
            onChange={(value) => setParam('category', value)}
            placeholder={t('desk.list.any')}
            clearable
            style={{ flex: '1 1 10rem' }}
          />
          <Select
            label={t('desk.list.meeting')}
            data={(meetings.data?.meetings.edges ?? []).map(({ node }) => ({
              value: node.id,
              label: pickText(node.title, lang)?.text ?? node.id,
            }))}
            value={meetingId}
            onChange={(value) => setParam('meeting', value)}
            placeholder={t('desk.list.any')}
            clearable
            style={{ flex: '1 1 12rem' }}
          />
        </Group>
      </Paper>

      {loading && !data ? <PageSkeleton rows={3} /> : null}
      {!loading && !data ? <ErrorNotice error={error} /> : null}
      {connection ? (
        <Stack gap="sm" aria-busy={loading ? 'true' : undefined}>
          <Text size="sm" c="dimmed" role="status">
            {t('desk.list.count', { count: connection.totalCount })}
          </Text>
          {connection.edges.length === 0 ? (
            <EmptyState title={filtered ? t('desk.list.noneMatch') : t('desk.list.none')}>
              {filtered ? t('desk.list.noneMatchHint') : mayDraft(me) ? t('desk.list.noneHint') : null}
            </EmptyState>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {connection.edges
                // An amendment whose parent is on this page is shown under it instead.
                .filter(({ node }) => !node.parent || !shownIds.has(node.parent.id))
                .map(({ node }) => (
                  <Stack key={node.id} gap={6} component="li">
                    {node.parent ? (
                      <Text size="xs" c="dimmed">
                        {t('desk.list.amends')} <LocalizedText value={node.parent.title} quietFallback /> (
                        <LocalizedText value={node.parent.ownerCity.name} quietFallback />)
                      </Text>
                    ) : null}
                    <DeskRow node={node} />
                    {node.amendments.length > 0 ? (
                      <Stack
                        gap={6}
                        component="ul"
                        p={0}
                        m={0}
                        style={{ listStyle: 'none' }}
                        aria-label={t('desk.list.amendmentsOf', { title: pickText(node.title, lang)?.text ?? '' })}
                      >
                        {node.amendments.map((amendment) => (
                          <li key={amendment.id}>
                            <DeskRow node={amendment} amendment />
                          </li>
                        ))}
                      </Stack>
                    ) : null}
                  </Stack>
                ))}
            </Stack>
          )}
          <Group gap="sm">
            {cursors.length > 0 ? (
              <Button variant="default" onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('desk.list.previous')}
              </Button>
            ) : null}
            {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
              <Button variant="default" onClick={() => setCursors([...cursors, connection.pageInfo.endCursor ?? ''])}>
                {t('desk.list.next')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
