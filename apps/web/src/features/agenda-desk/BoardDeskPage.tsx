import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateStamp } from '../../components/DateStamp';
import { Section } from '../../components/ListRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LocalizedText } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, NotFound, PageSkeleton } from '../../components/states';
import type { BoardDeskQuery, BallotLiveFragment } from '../../gql/graphql';
import { BallotUpdatedDocument } from '../../lib/documents';
import { errorCode } from '../../lib/errors';
import { useFormat } from '../../lib/preferences';
import { hasRole, useMe } from '../../lib/session';
import { showToast } from '../../lib/toasts';
import { AgendaNumber } from './AgendaNumber';
import { DeskFrame, SecretariatOnly } from './DeskFrame';
import { BoardDeskDocument, CloseDeskBallotDocument, ScheduleProposalDocument } from './documents';
import { OpenBallotDialog, type RulesView } from './OpenBallotDialog';

type Meeting = BoardDeskQuery['meeting'];
type AgendaProposal = NonNullable<Meeting['agendaItems'][number]['proposal']>;

/** The board's side of the desk; `RulesCard` says a ballot's rules in words (the app hands in the ballots' own). */
export function BoardDeskPage({ RulesCard }: { RulesCard: RulesView }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const secretariat = hasRole(me, 'SECRETARIAT');
  const { data, loading, error } = useQuery(BoardDeskDocument, { variables: { id }, skip: !secretariat });
  const [opening, setOpening] = useState<AgendaProposal | null>(null);
  if (!secretariat) return <SecretariatOnly />;
  if (loading && !data) return <PageSkeleton rows={5} />;
  if (errorCode(error) === 'NOT_FOUND') return <NotFound />;
  if (!data) return <ErrorNotice error={error} />;
  const meeting = data.meeting;
  const onAgenda = meeting.agendaItems.filter(
    (item): item is typeof item & { proposal: AgendaProposal } => item.proposal !== null && item.proposal !== undefined,
  );
  const ready = data.ready.edges.map((edge) => edge.node);
  const over = ['adjourned', 'closed', 'cancelled'].includes(meeting.state);
  return (
    <DeskFrame meeting={meeting} current="board">
      <Section id="desk-ready" title={t('agendaDesk.readyTitle')}>
        {ready.length === 0 ? (
          <EmptyState title={t('agendaDesk.noneReady')}>{t('agendaDesk.noneReadyBody')}</EmptyState>
        ) : null}
        {ready.map((proposal) => (
          <ReadyRow
            key={proposal.id}
            meetingId={meeting.id}
            proposal={proposal}
            linkedAs={onAgenda.find((item) => item.proposal.id === proposal.id)?.number ?? null}
            disabled={over}
          />
        ))}
      </Section>
      <Section id="desk-agenda" title={t('agendaDesk.onAgendaTitle')}>
        {onAgenda.length === 0 ? <EmptyState title={t('agendaDesk.noneOnAgenda')} /> : null}
        {onAgenda.map((item) => (
          <Paper key={item.id} withBorder radius="md" p="md" component="article" aria-labelledby={`desk-${item.id}`}>
            <Stack gap="sm">
              <Group justify="space-between" align="flex-start" gap="xs">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
                  <Text fw={700} id={`desk-${item.id}`} style={{ overflowWrap: 'anywhere' }}>
                    <AgendaNumber number={item.number} />{' '}
                    <Anchor component={Link} to={`/proposals/${item.proposal.id}`} inherit>
                      <LocalizedText value={item.proposal.title} quietFallback />
                    </Anchor>
                  </Text>
                  <Text size="sm" c="dimmed">
                    <LocalizedText value={item.proposal.ownerCity.name} quietFallback />
                  </Text>
                </Stack>
                <Badge variant="light" color="blue.9" tt="none">
                  {t(`states:proposal.${item.proposal.state}`)}
                </Badge>
              </Group>
              <ProposalAtBoard
                meetingId={meeting.id}
                zone={meeting.timeZone}
                proposal={item.proposal}
                onOpen={() => setOpening(item.proposal)}
              />
            </Stack>
          </Paper>
        ))}
      </Section>
      {opening !== null ? (
        <OpenBallotDialog
          meetingId={meeting.id}
          zone={meeting.timeZone}
          proposal={opening}
          seats={data.boardSeats.length}
          RulesCard={RulesCard}
          onClose={() => setOpening(null)}
        />
      ) : null}
    </DeskFrame>
  );
}

function ReadyRow({
  meetingId,
  proposal,
  linkedAs,
  disabled,
}: {
  meetingId: string;
  proposal: BoardDeskQuery['ready']['edges'][number]['node'];
  linkedAs: string | null;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [schedule, { loading, error }] = useMutation(ScheduleProposalDocument, {
    refetchQueries: [{ query: BoardDeskDocument, variables: { id: meetingId } }],
    awaitRefetchQueries: true,
  });
  async function confirm() {
    const done = await schedule({ variables: { proposalId: proposal.id, meetingId } }).catch(() => null);
    if (done !== null) showToast('majlis', 'agendaDesk.scheduled');
  }
  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-labelledby={`ready-${proposal.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="center" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
            <Anchor
              id={`ready-${proposal.id}`}
              component={Link}
              to={`/proposals/${proposal.id}`}
              fw={600}
              style={{ overflowWrap: 'anywhere' }}
            >
              <LocalizedText value={proposal.title} quietFallback />
            </Anchor>
            <Text size="sm" c="dimmed">
              <LocalizedText value={proposal.ownerCity.name} quietFallback />
              {' · '}
              {t(`states:proposal.${proposal.state}`)}
              {linkedAs !== null ? (
                <>
                  {' · '}
                  {t('agendaDesk.linkedAs')} <AgendaNumber number={linkedAs} />
                </>
              ) : null}
            </Text>
          </Stack>
          <Button onClick={() => void confirm()} loading={loading} disabled={disabled}>
            {t('agendaDesk.schedule')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
      </Stack>
    </Paper>
  );
}

function ProposalAtBoard({
  meetingId,
  zone,
  proposal,
  onOpen,
}: {
  meetingId: string;
  zone: string;
  proposal: AgendaProposal;
  onOpen(): void;
}) {
  const { t } = useTranslation();
  if (proposal.state === 'scheduled')
    return (
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t('agendaDesk.readyToOpen')}</Text>
        <Button onClick={onOpen}>{t('agendaDesk.openBallot')}</Button>
      </Group>
    );
  if (proposal.ballot === null || proposal.ballot === undefined)
    return (
      <Text size="sm">{t(proposal.state === 'readyForBoard' ? 'agendaDesk.notScheduled' : 'agendaDesk.noBallot')}</Text>
    );
  return (
    <BallotCard
      meetingId={meetingId}
      zone={zone}
      ballot={proposal.ballot}
      planId={proposal.implementationPlan?.id ?? null}
    />
  );
}

/** A proposal's ballot: live while open, then its result and, once approved, the way to its plan. */
function BallotCard({
  meetingId,
  zone,
  ballot,
  planId,
}: {
  meetingId: string;
  zone: string;
  ballot: BallotLiveFragment;
  planId: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {ballot.state === 'open' ? (
        <LiveBallot meetingId={meetingId} zone={zone} ballot={ballot} />
      ) : (
        <BallotFigures ballot={ballot} />
      )}
      {ballot.state === 'closed' && ballot.result ? (
        <Alert
          color={ballot.result === 'passed' ? 'majlis' : 'red'}
          variant="light"
          role="status"
          title={t(`ballot.resultTitle.${ballot.result}`)}
        >
          <Stack gap={4}>
            {ballot.closedAt ? (
              <Text size="sm">
                {t('ballot.closedOn')} <DateStamp value={ballot.closedAt} withTime zone={zone} />
              </Text>
            ) : null}
            {planId !== null ? (
              <Anchor component={Link} to={`/implementation-plans/${planId}`} size="sm" fw={600}>
                {t('agendaDesk.openPlan')}
              </Anchor>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {ballot.state === 'cancelled' ? <Text size="sm">{t('agendaDesk.ballotCancelled')}</Text> : null}
    </Stack>
  );
}

/** An open ballot: turnout and (named) counts as the votes come in, over the subscription; closed from here. */
function LiveBallot({ meetingId, zone, ballot }: { meetingId: string; zone: string; ballot: BallotLiveFragment }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  useSubscription(BallotUpdatedDocument, { variables: { id: ballot.id } });
  const [close, { loading, error, reset }] = useMutation(CloseDeskBallotDocument, {
    refetchQueries: [{ query: BoardDeskDocument, variables: { id: meetingId } }],
    awaitRefetchQueries: true,
  });
  async function confirm() {
    const done = await close({ variables: { ballotId: ballot.id } }).catch(() => null);
    if (done === null) return;
    setConfirming(false);
    showToast('majlis', 'agendaDesk.ballotClosed');
  }
  return (
    <Stack gap="sm">
      <BallotFigures ballot={ballot} />
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed">
          {ballot.closesAt ? (
            <>
              {t('agendaDesk.closesOn')} <DateStamp value={ballot.closesAt} withTime zone={zone} />
            </>
          ) : (
            t('agendaDesk.closesByHand')
          )}
        </Text>
        <Button color="red.9" onClick={() => setConfirming(true)}>
          {t('agendaDesk.closeBallot')}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => {
          setConfirming(false);
          reset();
        }}
        title={t('agendaDesk.closeTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t('agendaDesk.closeBody', { cast: ballot.progress.cast, total: ballot.progress.eligible })}
          </Text>
          <ErrorAlert error={error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('agendaDesk.cancel')}
            </Button>
            <Button color="red.9" loading={loading} onClick={() => void confirm()}>
              {t('agendaDesk.closeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function BallotFigures({ ballot }: { ballot: BallotLiveFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { cast, eligible, tally, votes } = ballot.progress;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={700} role="status" aria-live="polite">
        {t('ballot.turnout', { cast, count: eligible })}
      </Text>
      <Progress value={eligible === 0 ? 0 : (cast / eligible) * 100} aria-label={t('ballot.turnoutTitle')} />
      {tally ? (
        <SimpleGrid cols={3} spacing="xs" role="group" aria-label={t('agendaDesk.countsLabel')}>
          {(['yes', 'no', 'abstain'] as const).map((choice) => {
            const word = t(`vote.choice.${choice.toUpperCase()}`);
            const count = format.number(tally[choice]);
            return (
              <Paper
                key={choice}
                withBorder
                radius="sm"
                p="xs"
                ta="center"
                role="group"
                aria-label={`${word}: ${count}`}
              >
                <Text size="xs" c="dimmed">
                  {word}
                </Text>
                <Text fw={700} size="lg">
                  {count}
                </Text>
              </Paper>
            );
          })}
        </SimpleGrid>
      ) : (
        <Text size="xs" c="dimmed">
          {t(ballot.rules.secret ? 'agendaDesk.secretNoCounts' : 'agendaDesk.countsAtClose')}
        </Text>
      )}
      {votes && votes.length > 0 ? (
        <List size="sm" spacing={2} aria-label={t('agendaDesk.whoVoted')}>
          {votes.map((vote) => (
            <List.Item key={vote.voterId}>
              <LocalizedText value={vote.voter.name} quietFallback />
              {': '}
              {t(`vote.choice.${vote.choice}`)}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
