import { useQuery } from '@apollo/client/react';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import { ListRow } from '../../components/ListRow';
import { LocalizedText } from '../../components/LocalizedText';
import { ShowMore } from '../../components/ShowMore';
import { EmptyState, ErrorNotice, PageSkeleton, PageTitle } from '../../components/states';
import { useMe } from '../../lib/session';
import { mayReview } from './access';
import { ReviewQueueDocument } from './documents';
import { NotForYou } from './NotForYou';

const PAGE = 20;

/** Proposals waiting for the secretariat: submitted and in review, the one waiting longest first. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = mayReview(me);
  const { data, error, loading, fetchMore } = useQuery(ReviewQueueDocument, {
    variables: { first: PAGE },
    skip: !allowed,
    fetchPolicy: 'cache-and-network',
  });
  if (!allowed) return <NotForYou />;

  const header = (
    <Stack gap={4}>
      <PageTitle>{t('meetingDesk.review.title')}</PageTitle>
      <Text c="dimmed" size="sm">
        {t('meetingDesk.review.lead')}
      </Text>
    </Stack>
  );
  if (loading && !data)
    return (
      <Stack gap="lg">
        {header}
        <PageSkeleton rows={3} />
      </Stack>
    );
  if (!data)
    return (
      <Stack gap="lg">
        {header}
        <ErrorNotice error={error} />
      </Stack>
    );

  const { edges, pageInfo, totalCount } = data.proposals;

  return (
    <Stack gap="lg">
      {header}
      {edges.length === 0 ? (
        <EmptyState title={t('meetingDesk.review.empty')}>{t('meetingDesk.review.emptyLead')}</EmptyState>
      ) : (
        <Stack gap="xs" component="section" aria-label={t('meetingDesk.review.title')}>
          <Text size="sm" c="dimmed">
            {t('meetingDesk.review.waiting', { count: totalCount })}
          </Text>
          {edges.map(({ node }) => {
            const open = node.reviewComments.filter((comment) => !comment.parentId && !comment.resolvedAt).length;
            return (
              <ListRow
                key={node.id}
                to={`/review/${node.id}`}
                title={<LocalizedText value={node.title} quietFallback />}
                meta={
                  <>
                    <LocalizedText value={node.ownerCity.name} quietFallback />
                    {' · '}
                    {t(`proposal.category.${node.category}`)}
                    {' · '}
                    {t('proposal.revision', { number: node.revisionCount })}
                    {node.submittedAt ? (
                      <>
                        {' · '}
                        {t('meetingDesk.review.submittedOn')} <DateStamp value={node.submittedAt} />
                      </>
                    ) : null}
                  </>
                }
                aside={
                  <Group gap={6}>
                    <Badge variant={node.state === 'inReview' ? 'filled' : 'light'} color="blue.9" tt="none">
                      {t(`states:proposal.${node.state}`)}
                    </Badge>
                    {open > 0 ? (
                      <Badge variant="light" color="rust.9" tt="none">
                        {t('meetingDesk.review.openThreads', { count: open })}
                      </Badge>
                    ) : null}
                  </Group>
                }
              />
            );
          })}
          {pageInfo.hasNextPage ? (
            <ShowMore
              shown={edges.length}
              total={totalCount}
              onMore={() =>
                fetchMore({
                  variables: { after: pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    proposals: {
                      ...fetchMoreResult.proposals,
                      edges: [...previous.proposals.edges, ...fetchMoreResult.proposals.edges],
                    },
                  }),
                })
              }
            />
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}
