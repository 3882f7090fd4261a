import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import type { VoteChoice } from '../../gql/graphql';
import { errorField, errorMessage } from '../../lib/errors';
import { CastVoteDocument, DeclareConflictDocument } from './documents';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showToast } from '../../lib/toasts';

const CHOICES: VoteChoice[] = ['YES', 'NO', 'ABSTAIN'];

interface Props {
  ballotId: string;
  proposalId: string;
  myVote: VoteChoice | null | undefined;
}

/** A board member's vote: choose, confirm, change until the close; or step aside for a conflict. */
export function VotePanel({ ballotId, proposalId, myVote }: Props) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<VoteChoice | null>(myVote ?? null);
  const [confirming, setConfirming] = useState(false);
  const [declaring, setDeclaring] = useState(false);
  const [reason, setReason] = useState('');
  // One key per intended vote, so a retry after a lost answer is recorded once.
  const attempt = useRef<{ choice: VoteChoice; key: string } | null>(null);

  const [castVote, vote] = useMutation(CastVoteDocument, {
    update(cache, { data }) {
      if (!data) return;
      cache.modify({
        id: cache.identify({ __typename: 'Ballot', id: ballotId }),
        fields: {
          progress: (existing) => ({ ...(existing as object), myVote: data.castVote.choice }),
        },
      });
    },
  });
  const [declareConflict, conflict] = useMutation(DeclareConflictDocument, {
    refetchQueries: ['BallotPage'],
    awaitRefetchQueries: true,
  });

  async function confirmVote() {
    if (choice === null) return;
    if (attempt.current?.choice !== choice) attempt.current = { choice, key: crypto.randomUUID() };
    try {
      await castVote({ variables: { ballotId, choice, idempotencyKey: attempt.current.key } });
      attempt.current = null;
      setConfirming(false);
      showToast('majlis', 'vote.recorded', { choice: t(`vote.choice.${choice}`) });
    } catch {
      setConfirming(false);
    }
  }

  async function submitConflict() {
    try {
      await declareConflict({ variables: { proposalId, reason: reason.trim() } });
      setDeclaring(false);
    } catch {
      // The message shows in the dialog; the reason typed stays.
    }
  }

  const changed = choice !== null && choice !== myVote;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="vote-title">
      <Stack gap="sm">
        <Text id="vote-title" size="sm" fw={700} c="dimmed">
          {t('vote.title')}
        </Text>
        {myVote ? (
          <Text fw={600} role="status">
            {t('vote.yours', { choice: t(`vote.choice.${myVote}`) })}
          </Text>
        ) : null}
        <ErrorAlert error={vote.error} />
        <Radio.Group
          value={choice}
          onChange={(value) => setChoice(value as VoteChoice)}
          label={t('vote.choose')}
          description={t('vote.changeUntilClose')}
        >
          <Stack gap="xs" mt="xs">
            {CHOICES.map((option) => (
              <Radio key={option} value={option} label={t(`vote.choice.${option}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Button onClick={() => setConfirming(true)} disabled={!changed}>
          {myVote ? t('vote.change') : t('vote.cast')}
        </Button>
        {!myVote ? (
          <Button variant="default" onClick={() => setDeclaring(true)}>
            {t('conflict.declare')}
          </Button>
        ) : null}
      </Stack>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('vote.confirmTitle')} centered>
        <Stack gap="md">
          <Text>{t('vote.confirmBody', { choice: choice ? t(`vote.choice.${choice}`) : '' })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void confirmVote()} loading={vote.loading}>
              {t('vote.confirm', { choice: choice ? t(`vote.choice.${choice}`) : '' })}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={declaring} onClose={() => setDeclaring(false)} title={t('conflict.title')} centered>
        <Stack gap="md">
          <Text size="sm">{t('conflict.explain')}</Text>
          {conflict.error && errorField(conflict.error) === undefined ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(conflict.error, t)}
            </Alert>
          ) : null}
          <Textarea
            label={t('conflict.reason')}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={conflict.error && errorField(conflict.error) !== undefined ? errorMessage(conflict.error, t) : null}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeclaring(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="rust.9"
              onClick={() => void submitConflict()}
              loading={conflict.loading}
              disabled={reason.trim() === ''}
            >
              {t('conflict.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** What a member who cannot vote here sees instead of the vote. */
export function NoVoteNotice({ reason, declaredAt }: { reason: 'observer' | 'notEligible'; declaredAt?: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" title={t(`vote.cannot.${reason}.title`)}>
      {t(`vote.cannot.${reason}.body`)}
      {declaredAt ? (
        <>
          {' '}
          <DateStamp value={declaredAt} />
        </>
      ) : null}
    </Alert>
  );
}
