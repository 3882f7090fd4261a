import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import { ListRow } from '../../components/ListRow';
import { LocalizedText } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, PageSkeleton } from '../../components/states';
import type { BallotFilter } from '../../gql/graphql';
import { BallotStateBadge } from './BallotBadges';
import { BallotListDocument } from './documents';

interface Props {
  filter: BallotFilter;
  empty: string;
  first?: number;
}

/** Ballots as rows that open the ballot page; turnout, and my vote while it is open. */
export function BallotList({ filter, empty, first = 20 }: Props) {
  const { t } = useTranslation();
  const { data, error, loading, fetchMore } = useQuery(BallotListDocument, { variables: { filter, first } });
  if (loading && !data) return <PageSkeleton rows={2} />;
  if (!data) return <ErrorNotice error={error} />;
  const { edges, pageInfo } = data.ballots;
  if (edges.length === 0) return <EmptyState title={empty} />;
  return (
    <Stack gap="xs">
      {edges.map(({ node }) => (
        <ListRow
          key={node.id}
          to={`/ballots/${node.id}`}
          title={<LocalizedText value={node.proposal.title} quietFallback />}
          meta={
            <Stack gap={2}>
              <span>
                <LocalizedText value={node.proposal.ownerCity.name} quietFallback />
                {' · '}
                {t('ballot.turnout', { cast: node.progress.cast, count: node.progress.eligible })}
              </span>
              {node.state === 'open' && node.closesAt ? (
                <span>
                  {t('ballot.closesOn')} <DateStamp value={node.closesAt} withTime />
                </span>
              ) : null}
              {node.state === 'closed' && node.closedAt ? (
                <span>
                  {t('ballot.closedOn')} <DateStamp value={node.closedAt} />
                </span>
              ) : null}
            </Stack>
          }
          aside={
            <Group gap={4} justify="flex-end">
              <BallotStateBadge state={node.state} result={node.result} />
              {node.state === 'open' && node.progress.eligibleToVote ? (
                <Badge variant="outline" color={node.progress.myVote ? 'gray.8' : 'majlis'} tt="none">
                  {node.progress.myVote ? t('ballot.voted') : t('ballot.notVoted')}
                </Badge>
              ) : null}
            </Group>
          }
        />
      ))}
      {pageInfo.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => void fetchMore({ variables: { after: pageInfo.endCursor } })}
          w="fit-content"
        >
          {t('common.more')}
        </Button>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('common.shown', { shown: edges.length, total: data.ballots.totalCount })}
      </Text>
    </Stack>
  );
}
