import { useQuery, useSubscription } from '@apollo/client/react';
import { Anchor, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BilingualText } from '../../components/BilingualText';
import { LocalizedText } from '../../components/LocalizedText';
import { ErrorNotice, NotFound, PageSkeleton, PageTitle } from '../../components/states';
import { BallotUpdatedDocument } from '../../lib/documents';
import { errorCode } from '../../lib/errors';
import { hasRole, useMe } from '../../lib/session';
import { BallotStateBadge } from './BallotBadges';
import { Countdown } from './Countdown';
import { BallotPageDocument } from './documents';
import { ResultCard } from './ResultCard';
import { RulesCard } from './RulesCard';
import { TallyCard } from './TallyCard';
import { Turnout } from './Turnout';
import { NoVoteNotice, VotePanel } from './VotePanel';

export function BallotPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const { data, error, loading } = useQuery(BallotPageDocument, { variables: { id } });
  const live = data?.ballot.state === 'open' || data?.ballot.state === 'pending';
  // Turnout, tally and result arrive over the socket and land in the cache: no refetch of the ballot.
  useSubscription(BallotUpdatedDocument, { variables: { id }, skip: !live });

  if (loading && !data) return <PageSkeleton rows={5} />;
  if (errorCode(error) === 'NOT_FOUND') return <NotFound />;
  if (!data) return <ErrorNotice error={error} />;

  const ballot = data.ballot;
  const proposal = ballot.proposal;
  const zone = proposal.meeting?.timeZone ?? null;
  const latest = [...proposal.revisions].sort((a, b) => b.number - a.number)[0];
  const isBoard = hasRole(me, 'BOARD_MEMBER');

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {t('ballot.kicker')}
          {' · '}
          <LocalizedText value={proposal.ownerCity.name} quietFallback />
        </Text>
        <PageTitle>
          <LocalizedText value={proposal.title} />
        </PageTitle>
        <Group gap="xs">
          <BallotStateBadge state={ballot.state} result={ballot.result} />
          <Anchor component={Link} to={`/proposals/${proposal.id}`} size="sm">
            {t('ballot.openProposal')}
          </Anchor>
        </Group>
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            {ballot.state === 'closed' && ballot.result ? (
              <ResultCard
                result={ballot.result}
                closedAt={ballot.closedAt}
                decidedByChair={ballot.decidedByChair}
                zone={zone}
              />
            ) : null}
            {ballot.state === 'open' && ballot.closesAt ? <Countdown closesAt={ballot.closesAt} zone={zone} /> : null}
            <Turnout cast={ballot.progress.cast} eligible={ballot.progress.eligible} />
            {ballot.state === 'open' && ballot.progress.eligibleToVote ? (
              <VotePanel ballotId={ballot.id} proposalId={proposal.id} myVote={ballot.progress.myVote} />
            ) : null}
            {ballot.state === 'open' && !ballot.progress.eligibleToVote ? (
              <NoVoteNotice reason={isBoard ? 'notEligible' : 'observer'} />
            ) : null}
            {ballot.state !== 'open' && ballot.progress.myVote ? (
              <Paper withBorder p="md" radius="md">
                <Text fw={600}>{t('vote.yoursFinal', { choice: t(`vote.choice.${ballot.progress.myVote}`) })}</Text>
              </Paper>
            ) : null}
            {ballot.progress.tally ? <TallyCard tally={ballot.progress.tally} votes={ballot.progress.votes} /> : null}
            <RulesCard rules={ballot.rules} eligible={ballot.progress.eligible} chair={ballot.chair} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="proposal-text-title">
            <Stack gap="sm">
              <Text id="proposal-text-title" size="sm" fw={700} c="dimmed">
                {t('ballot.proposalText')}
              </Text>
              <BilingualText
                title={latest?.title ?? proposal.title}
                summary={latest?.summary ?? proposal.summary}
                body={latest?.body}
              />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
