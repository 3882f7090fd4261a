import { useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BilingualText } from '../../components/BilingualText';
import { DateStamp } from '../../components/DateStamp';
import { LocalizedText } from '../../components/LocalizedText';
import { ErrorNotice, NotFound, PageSkeleton, PageTitle } from '../../components/states';
import { errorCode } from '../../lib/errors';
import { mayEdit } from '../../lib/proposal-access';
import { hasRole, useMe } from '../../lib/session';
import { ProposalPageDocument, ProposalUpdatedDocument } from './documents';
import { ProposalStanding } from './ProposalStanding';
import { ProposalStateBadge } from '../../components/ProposalStateBadge';
import { ProposalTransitions } from './ProposalTransitions';
import { ReviewThreads } from './ReviewThreads';
import { RevisionCompare } from './RevisionCompare';

/**
 * A proposal: its text and revisions with their differences, the steps the reader may take, the
 * secretariat's review, where it stands in its workflow, its ballot and implementation plan. It follows
 * every change (a step, a revision, a comment) without a reload.
 */
export function ProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const { data, error, loading, refetch } = useQuery(ProposalPageDocument, { variables: { id } });
  // Each event carries the whole page (state, history, threads, revisions); Apollo writes it to the cache.
  useSubscription(ProposalUpdatedDocument, { variables: { id }, skip: !data });
  const [shown, setShown] = useState<number | null>(null);

  if (loading && !data) return <PageSkeleton rows={5} />;
  if (errorCode(error) === 'NOT_FOUND')
    return (
      <Stack align="center">
        <NotFound />
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </Stack>
    );
  if (!data) return <ErrorNotice error={error} />;

  const proposal = data.proposal;
  const ownCityDelegate = hasRole(me, 'DELEGATE') && me.memberCity?.id === proposal.ownerCity.id;
  const canEdit = mayEdit(me, proposal.ownerCity.id, proposal.state);
  const canAmend = hasRole(me, 'DELEGATE') && proposal.submittedAt !== null && proposal.state !== 'withdrawn';
  const canReply = ownCityDelegate || hasRole(me, 'SECRETARIAT');
  // The review is between the secretariat and the owning city; nobody else is shown an empty one.
  const readsReview = hasRole(me, 'SECRETARIAT') || me.memberCity?.id === proposal.ownerCity.id;
  const changesRequest =
    proposal.state === 'changesRequested'
      ? [...proposal.history].reverse().find((entry) => entry.toState === 'changesRequested')
      : undefined;
  const revisions = [...proposal.revisions].sort((a, b) => b.number - a.number);
  const revision = revisions.find((r) => r.number === shown) ?? revisions[0];
  const zone = proposal.meeting?.timeZone ?? null;
  const plan = proposal.implementationPlan;

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {t(`proposal.category.${proposal.category}`)}
          {' · '}
          <LocalizedText value={proposal.ownerCity.name} quietFallback />
          {proposal.cosponsors.map((city) => (
            <span key={city.id}>
              {t('common.listSeparator')}
              <LocalizedText value={city.name} quietFallback />
            </span>
          ))}
        </Text>
        <PageTitle>
          <LocalizedText value={proposal.title} />
        </PageTitle>
        <Group gap="xs">
          <ProposalStateBadge state={proposal.state} />
          {proposal.meeting ? (
            <Text size="sm" c="dimmed">
              <LocalizedText value={proposal.meeting.title} quietFallback />
            </Text>
          ) : null}
        </Group>
        {proposal.parent ? (
          <Text size="sm">
            {t('proposalDesk.amends')}{' '}
            <Anchor component={Link} to={`/proposals/${proposal.parent.id}`}>
              <LocalizedText value={proposal.parent.title} quietFallback />
            </Anchor>
          </Text>
        ) : null}
        {canEdit || canAmend ? (
          <Group gap="xs" mt={4}>
            {canEdit ? (
              <Button component={Link} to={`/proposals/${proposal.id}/edit`}>
                {t('proposalDesk.edit')}
              </Button>
            ) : null}
            {canAmend ? (
              <Button component={Link} to={`/proposals/new?parent=${proposal.id}`} variant="outline">
                {t('proposalDesk.proposeAmendment')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>

      {changesRequest ? (
        <Alert
          color="rust.9"
          variant="light"
          title={t('proposalDesk.changesRequested.title')}
          role="region"
          aria-label={t('proposalDesk.changesRequested.title')}
        >
          <Stack gap={4}>
            {changesRequest.comment ? (
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {changesRequest.comment}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {changesRequest.actor ? <LocalizedText value={changesRequest.actor.name} quietFallback /> : null}
              {changesRequest.actor ? ' · ' : null}
              <DateStamp value={changesRequest.occurredAt} withTime size="xs" />
            </Text>
          </Stack>
        </Alert>
      ) : null}

      <ProposalTransitions proposal={proposal} onStale={() => void refetch().catch(() => undefined)} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="text-title">
            <Stack gap="sm">
              <Text id="text-title" size="sm" fw={700} c="dimmed">
                {revision ? t('proposal.textOfRevision', { number: revision.number }) : t('proposal.text')}
              </Text>
              <BilingualText
                key={revision?.id ?? 'none'}
                title={revision?.title ?? proposal.title}
                summary={revision?.summary ?? proposal.summary}
                body={revision?.body}
              />
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="diff-title" mt="lg">
            <Stack gap="sm">
              <Text id="diff-title" size="sm" fw={700} c="dimmed">
                {t('proposalDesk.diff.title')}
              </Text>
              <RevisionCompare
                key={revisions.length}
                proposalId={proposal.id}
                numbers={revisions.map((r) => r.number)}
              />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {readsReview ? (
              <ReviewThreads proposalId={proposal.id} comments={proposal.reviewComments} canReply={canReply} />
            ) : null}
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ballot-title">
              <Stack gap="xs">
                <Text id="ballot-title" size="sm" fw={700} c="dimmed">
                  {t('proposal.ballot')}
                </Text>
                {proposal.ballot ? (
                  <>
                    <Text fw={600}>
                      {proposal.ballot.state === 'closed' && proposal.ballot.result
                        ? t(`ballot.result.${proposal.ballot.result}`)
                        : t(`states:ballot.${proposal.ballot.state}`)}
                    </Text>
                    <Text size="sm">
                      {t('ballot.turnout', {
                        cast: proposal.ballot.progress.cast,
                        count: proposal.ballot.progress.eligible,
                      })}
                    </Text>
                    {proposal.ballot.closedAt ? (
                      <Text size="sm">
                        {t('ballot.closedOn')} <DateStamp value={proposal.ballot.closedAt} zone={zone} />
                      </Text>
                    ) : null}
                    <Anchor component={Link} to={`/ballots/${proposal.ballot.id}`} size="sm">
                      {t('proposal.openBallot')}
                    </Anchor>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('proposal.noBallot')}
                  </Text>
                )}
              </Stack>
            </Paper>

            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-title">
              <Stack gap="xs">
                <Text id="plan-title" size="sm" fw={700} c="dimmed">
                  {t('proposal.plan')}
                </Text>
                {plan ? (
                  <>
                    <Text fw={600}>
                      <LocalizedText value={plan.title} quietFallback />
                    </Text>
                    <Progress value={plan.summary.progress} aria-label={t('plan.progress')} />
                    <Group gap="xs">
                      <Text size="sm">{t('plan.progressValue', { value: plan.summary.progress })}</Text>
                      <Badge
                        variant="light"
                        tt="none"
                        color={plan.summary.status === 'onTrack' ? 'majlis.9' : 'rust.9'}
                      >
                        {t(`plan.status.${plan.summary.status}`)}
                      </Badge>
                    </Group>
                    <Text size="sm">{t('plan.itemCount', { count: plan.summary.itemCount })}</Text>
                    <Anchor component={Link} to={`/implementation-plans/${plan.id}`} size="sm">
                      {t('proposal.openPlan')}
                    </Anchor>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('proposal.noPlan')}
                  </Text>
                )}
              </Stack>
            </Paper>

            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="revisions-title">
              <Stack gap="xs">
                <Text id="revisions-title" size="sm" fw={700} c="dimmed">
                  {t('proposal.revisions')}
                </Text>
                {revisions.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('proposal.noRevisions')}
                  </Text>
                ) : (
                  <Stack component="ol" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
                    {revisions.map((r) => (
                      <li key={r.id}>
                        <Stack gap={0}>
                          <Group gap="xs" justify="space-between" wrap="nowrap">
                            <Text size="sm" fw={600}>
                              {t('proposal.revision', { number: r.number })}
                              {r.frozenAt ? ` · ${t('proposal.frozen')}` : ''}
                            </Text>
                            <Button
                              size="compact-xs"
                              variant={r.id === revision?.id ? 'light' : 'subtle'}
                              c="majlis.9"
                              onClick={() => setShown(r.number)}
                              aria-pressed={r.id === revision?.id}
                            >
                              {t('proposal.show')}
                            </Button>
                          </Group>
                          <Text size="xs" c="dimmed">
                            <DateStamp value={r.createdAt} withTime size="xs" />
                            {' · '}
                            <LocalizedText value={r.author.name} quietFallback />
                          </Text>
                        </Stack>
                      </li>
                    ))}
                  </Stack>
                )}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>

      <ProposalStanding proposal={proposal} />
    </Stack>
  );
}
