import { useMutation } from '@apollo/client/react';
import { Button, Group, List, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LocalizedText } from '../../components/LocalizedText';
import type { ProposalEvent, ProposalPageQuery } from '../../gql/graphql';
import { errorCode } from '../../lib/errors';
import { showToast } from '../../lib/toasts';
import { TransitionProposalDocument } from './documents';

type Proposal = ProposalPageQuery['proposal'];

// Steps that other operations take (with an agenda item or a ballot), or that the platform takes.
const ELSEWHERE = new Set<ProposalEvent>([
  'SCHEDULE',
  'OPEN_VOTE',
  'DEFER',
  'BALLOT_PASSED',
  'BALLOT_FAILED',
  'BALLOT_NO_QUORUM',
]);
// Steps whose reason is required, and shown to the other side.
const REASON_REQUIRED = new Set<ProposalEvent>(['WITHDRAW', 'REQUEST_CHANGES']);

function SubmitCheck({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const latest = [...proposal.revisions].sort((a, b) => b.number - a.number)[0];
  const copy = proposal.workingCopy;
  const text = copy ?? latest;
  return (
    <Stack gap="xs" data-testid="submit-check">
      <Text fw={600} size="sm">
        {t('proposalDesk.submit.frozenTitle')}
      </Text>
      {copy ? (
        <Text size="sm">
          {t('proposalDesk.submit.workingCopy', { number: (latest?.number ?? 0) + 1 })}{' '}
          <DateStamp value={copy.savedAt} withTime size="sm" />
        </Text>
      ) : latest ? (
        <Text size="sm">{t('proposalDesk.submit.revision', { number: latest.number })}</Text>
      ) : null}
      {text ? (
        <List size="sm" spacing={2}>
          <List.Item>
            {t('languages.ar')}: <LocalizedText value={text.title} lang="ar" />
          </List.Item>
          <List.Item>
            {t('languages.en')}: <LocalizedText value={text.title} lang="en" />
          </List.Item>
          <List.Item>
            {t(text.summary ? 'proposalDesk.submit.summaryPresent' : 'proposalDesk.submit.summaryAbsent')}
            {t('common.listSeparator')}
            {t(text.body ? 'proposalDesk.submit.bodyPresent' : 'proposalDesk.submit.bodyAbsent')}
          </List.Item>
          <List.Item>
            {proposal.cosponsors.length === 0
              ? t('proposalDesk.submit.noCosponsors')
              : t('proposalDesk.submit.cosponsors', { count: proposal.cosponsors.length })}
            {proposal.cosponsors.map((city, index) => (
              <span key={city.id}>
                {index === 0 ? ' ' : t('common.listSeparator')}
                <LocalizedText value={city.name} quietFallback />
              </span>
            ))}
          </List.Item>
        </List>
      ) : null}
      <Text size="sm" c="dimmed">
        {t('proposalDesk.submit.after')}
      </Text>
    </Stack>
  );
}

/** Every step the person may take now (from availableEvents), each confirmed, with its reason when it needs one. */
export function ProposalTransitions({ proposal, onStale }: { proposal: Proposal; onStale: () => void }) {
  const { t } = useTranslation();
  const [event, setEvent] = useState<ProposalEvent | null>(null);
  const [comment, setComment] = useState('');
  const [transition, { loading, error, reset }] = useMutation(TransitionProposalDocument);
  const events = proposal.availableEvents.filter((e) => !ELSEWHERE.has(e));
  if (events.length === 0) return null;

  const close = () => {
    setEvent(null);
    setComment('');
    reset();
  };
  const needsReason = event !== null && REASON_REQUIRED.has(event);
  const send = () => {
    if (event === null || (needsReason && comment.trim() === '')) return;
    const sent = event;
    void transition({
      variables: {
        id: proposal.id,
        event: sent,
        expectedVersion: proposal.version,
        comment: comment.trim() === '' ? null : comment.trim(),
      },
    })
      .then(() => {
        close();
        showToast('majlis.9', 'proposalDesk.transition.done');
      })
      .catch((failure: unknown) => {
        // Someone changed it meanwhile: the page reads it again, the message says why nothing happened.
        if (errorCode(failure) === 'VERSION_CONFLICT') onStale();
      });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="actions-title">
      <Stack gap="sm">
        <Title id="actions-title" order={2} size="h5" c="dimmed">
          {t('proposalDesk.transition.title')}
        </Title>
        <Group gap="xs">
          {events.map((e) => (
            <Button
              key={e}
              variant={e === 'WITHDRAW' || e === 'REQUEST_CHANGES' ? 'outline' : 'filled'}
              color={e === 'WITHDRAW' ? 'red.9' : undefined}
              onClick={() => setEvent(e)}
            >
              {t(`events:proposal.${e}.label`)}
            </Button>
          ))}
        </Group>
      </Stack>
      <Modal opened={event !== null} onClose={close} centered title={event ? t(`events:proposal.${event}.label`) : ''}>
        {event ? (
          <Stack
            gap="md"
            component="form"
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
          >
            {event === 'SUBMIT' ? <SubmitCheck proposal={proposal} /> : null}
            {event === 'WITHDRAW' ? <Text size="sm">{t('proposalDesk.transition.withdrawWarning')}</Text> : null}
            <Textarea
              label={needsReason ? t('proposalDesk.transition.reason') : t('proposalDesk.transition.comment')}
              value={comment}
              onChange={(e) => {
                setComment(e.currentTarget.value);
                if (error) reset();
              }}
              required={needsReason}
              autosize
              minRows={2}
              dir="auto"
              data-autofocus
            />
            <ErrorAlert error={error} />
            <Group gap="xs" justify="flex-end">
              <Button variant="subtle" c="gray.8" onClick={close}>
                {t('proposalDesk.cancel')}
              </Button>
              <Button
                type="submit"
                loading={loading}
                disabled={needsReason && comment.trim() === ''}
                color={event === 'WITHDRAW' ? 'red.9' : undefined}
              >
                {t('proposalDesk.transition.confirm')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Paper>
  );
}
