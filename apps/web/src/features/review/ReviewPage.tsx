import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Grid, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BilingualText } from '../../components/BilingualText';
import { DateStamp } from '../../components/DateStamp';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LocalizedText } from '../../components/LocalizedText';
import { ErrorNotice, NotFound, PageSkeleton, PageTitle } from '../../components/states';
import type { ProposalEvent, ReviewProposalQuery } from '../../gql/graphql';
import { errorCode } from '../../lib/errors';
import { useMe } from '../../lib/session';
import { showToast } from '../../lib/toasts';
import { mayReview } from './access';
import {
  AddReviewCommentDocument,
  ResolveReviewCommentDocument,
  ReviewProposalDocument,
  ReviewTransitionDocument,
} from './documents';
import { NotForYou } from './NotForYou';
import { languageOfText, threadsOf, type Thread } from './threads';

type Proposal = ReviewProposalQuery['proposal'];
type Comment = Proposal['reviewComments'][number];

const REFETCH = ['ReviewProposal', 'ReviewQueue'];
const MAX_COMMENT = 10_000;

/** A comment as the API takes it: in the language it is written in. */
const commentBody = (text: string) => ({ [languageOfText(text)]: text.trim() });

function CommentForm({
  proposalId,
  parentId,
  label,
  submitLabel,
  onDone,
}: {
  proposalId: string;
  parentId: string | null;
  label: string;
  submitLabel: string;
  onDone?(): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [add, { loading, error }] = useMutation(AddReviewCommentDocument, { refetchQueries: REFETCH });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    try {
      await add({ variables: { input: { proposalId, parentId, body: commentBody(text) } } });
      setText('');
      showToast('green', parentId ? 'meetingDesk.review.replied' : 'meetingDesk.review.commented');
      onDone?.();
    } catch {
      // shown above the field
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="xs">
        <ErrorAlert error={error} />
        <Textarea
          label={label}
          autosize
          minRows={2}
          maxLength={MAX_COMMENT}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="xs">
          {onDone ? (
            <Button variant="default" size="xs" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" size="xs" loading={loading} disabled={text.trim() === ''}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CommentView({ comment }: { comment: Comment }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        <Text component="span" size="xs" fw={600} c="dark">
          <LocalizedText value={comment.author.name} quietFallback />
        </Text>
        {' · '}
        <DateStamp value={comment.createdAt} withTime size="xs" />
        {comment.revision ? ` · ${t('proposal.revision', { number: comment.revision.number })}` : ''}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        <LocalizedText value={comment.body} block />
      </Text>
    </Stack>
  );
}

function ThreadCard({ thread, proposalId, index }: { thread: Thread<Comment>; proposalId: string; index: number }) {
  const { t } = useTranslation();
  const [replying, setReplying] = useState(false);
  const [resolve, resolving] = useMutation(ResolveReviewCommentDocument);
  const resolved = thread.root.resolvedAt !== null && thread.root.resolvedAt !== undefined;

  async function toggle() {
    try {
      await resolve({ variables: { id: thread.root.id, resolved: !resolved } });
      showToast('green', resolved ? 'meetingDesk.review.reopened' : 'meetingDesk.review.resolved');
    } catch {
      // shown in the thread
    }
  }

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="article"
      aria-label={t('meetingDesk.review.thread', { number: index + 1 })}
      bg={resolved ? 'var(--mantine-color-gray-0)' : undefined}
    >
      <Stack gap="sm">
        <CommentView comment={thread.root} />
        {thread.replies.length > 0 ? (
          <Stack gap="sm" ps="md" style={{ borderInlineStart: '2px solid var(--mantine-color-gray-3)' }}>
            {thread.replies.map((reply) => (
              <CommentView key={reply.id} comment={reply} />
            ))}
          </Stack>
        ) : null}
        <ErrorAlert error={resolving.error} />
        {resolved ? (
          <Text size="xs" c="dimmed">
            {t('meetingDesk.review.resolvedBy')}{' '}
            {thread.root.resolvedBy ? <LocalizedText value={thread.root.resolvedBy.name} quietFallback /> : null}
            {' · '}
            <DateStamp value={thread.root.resolvedAt!} size="xs" />
          </Text>
        ) : null}
        {replying ? (
          <CommentForm
            proposalId={proposalId}
            parentId={thread.root.id}
            label={t('meetingDesk.review.replyLabel')}
            submitLabel={t('meetingDesk.review.reply')}
            onDone={() => setReplying(false)}
          />
        ) : (
          <Group gap="xs" justify="flex-end">
            {!resolved ? (
              <Button size="xs" variant="subtle" c="majlis.9" onClick={() => setReplying(true)}>
                {t('meetingDesk.review.reply')}
              </Button>
            ) : null}
            <Button size="xs" variant="light" loading={resolving.loading} onClick={() => void toggle()}>
              {resolved ? t('meetingDesk.review.reopen') : t('meetingDesk.review.resolve')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Decisions({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const [requesting, request] = useDisclosure(false);
  const [accepting, accept] = useDisclosure(false);
  const [comment, setComment] = useState('');
  const [transition, { loading, error, reset }] = useMutation(ReviewTransitionDocument, { refetchQueries: REFETCH });
  const can = (event: ProposalEvent) => proposal.availableEvents.includes(event);
  const lastRequest = [...proposal.history].reverse().find((entry) => entry.event === 'REQUEST_CHANGES');

  async function send(event: ProposalEvent, toast: string, withComment?: string) {
    try {
      await transition({
        variables: { id: proposal.id, event, expectedVersion: proposal.version, comment: withComment ?? null },
      });
      showToast('green', toast);
      request.close();
      accept.close();
      setComment('');
    } catch {
      // shown beside the buttons or in the dialog
    }
  }

  const none = !can('START_REVIEW') && !can('REQUEST_CHANGES') && !can('ACCEPT');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="review-decision">
      <Stack gap="sm">
        <Text id="review-decision" size="sm" fw={700} c="dimmed">
          {t('meetingDesk.review.decision')}
        </Text>
        {!requesting && !accepting ? <ErrorAlert error={error} /> : null}
        {proposal.state === 'changesRequested' && lastRequest?.comment ? (
          <Alert color="blue" variant="light" title={t('meetingDesk.review.changesRequestedTitle')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {lastRequest.comment}
            </Text>
          </Alert>
        ) : null}
        {none ? (
          <Text size="sm" c="dimmed">
            {t('meetingDesk.review.nothingToDecide', { state: t(`states:proposal.${proposal.state}`) })}
          </Text>
        ) : null}
        <Group gap="xs" wrap="wrap">
          {can('START_REVIEW') ? (
            <Button loading={loading} onClick={() => void send('START_REVIEW', 'meetingDesk.review.started')}>
              {t('meetingDesk.review.start')}
            </Button>
          ) : null}
          {can('REQUEST_CHANGES') ? (
            <Button
              variant="light"
              color="rust.9"
              onClick={() => {
                reset();
                request.open();
              }}
            >
              {t('meetingDesk.review.requestChanges')}
            </Button>
          ) : null}
          {can('ACCEPT') ? (
            <Button
              color="majlis.9"
              onClick={() => {
                reset();
                accept.open();
              }}
            >
              {t('meetingDesk.review.accept')}
            </Button>
          ) : null}
        </Group>
      </Stack>

      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={requesting}
        onClose={request.close}
        title={t('meetingDesk.review.requestChangesTitle')}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (comment.trim() !== '')
              void send('REQUEST_CHANGES', 'meetingDesk.review.changesRequested', comment.trim());
          }}
          noValidate
        >
          <Stack gap="sm">
            <ErrorAlert error={error} />
            <Textarea
              label={t('meetingDesk.review.requestComment')}
              description={t('meetingDesk.review.requestCommentHint')}
              required
              autosize
              minRows={4}
              maxLength={MAX_COMMENT}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={request.close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="rust.9" loading={loading} disabled={comment.trim() === ''}>
                {t('meetingDesk.review.sendRequest')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={accepting}
        onClose={accept.close}
        title={t('meetingDesk.review.acceptTitle')}
      >
        <Stack gap="sm">
          <ErrorAlert error={error} />
          <Text size="sm">{t('meetingDesk.review.acceptBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={accept.close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="majlis.9"
              loading={loading}
              onClick={() => void send('ACCEPT', 'meetingDesk.review.accepted')}
            >
              {t('meetingDesk.review.accept')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** One proposal under review: its text beside the review threads, and the secretariat's decision. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const allowed = mayReview(me);
  const { data, error, loading } = useQuery(ReviewProposalDocument, { variables: { id }, skip: !allowed });

  if (!allowed) return <NotForYou />;
  if (loading && !data) return <PageSkeleton rows={5} />;
  if (errorCode(error) === 'NOT_FOUND') return <NotFound />;
  if (!data) return <ErrorNotice error={error} />;

  const proposal = data.proposal;
  const revision = [...proposal.revisions].sort((a, b) => b.number - a.number)[0];
  const threads = threadsOf(proposal.reviewComments);
  const open = threads.filter((thread) => !thread.root.resolvedAt).length;

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          <Anchor component={Link} underline="always" to="/review" size="sm" c="majlis.9">
            {t('meetingDesk.review.title')}
          </Anchor>
          {' · '}
          <LocalizedText value={proposal.ownerCity.name} quietFallback />
          {' · '}
          {t(`proposal.category.${proposal.category}`)}
        </Text>
        <PageTitle>
          <LocalizedText value={proposal.title} />
        </PageTitle>
        <Group gap="xs">
          <Badge variant="light" color="blue.9" tt="none">
            {t(`states:proposal.${proposal.state}`)}
          </Badge>
          {proposal.submittedAt ? (
            <Text size="sm" c="dimmed">
              {t('meetingDesk.review.submittedOn')} <DateStamp value={proposal.submittedAt} />
            </Text>
          ) : null}
          <Anchor component={Link} underline="always" to={`/proposals/${proposal.id}`} size="sm" c="majlis.9">
            {t('meetingDesk.review.proposalPage')}
          </Anchor>
        </Group>
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="review-text">
            <Stack gap="sm">
              <Text id="review-text" size="sm" fw={700} c="dimmed">
                {revision ? t('proposal.textOfRevision', { number: revision.number }) : t('proposal.text')}
              </Text>
              <BilingualText
                key={revision?.id ?? 'none'}
                title={revision?.title ?? proposal.title}
                summary={revision?.summary}
                body={revision?.body}
              />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Decisions proposal={proposal} />
            <Stack component="section" aria-labelledby="review-threads" gap="sm">
              <Group justify="space-between">
                <Text component="h2" id="review-threads" fw={700} size="lg" m={0}>
                  {t('meetingDesk.review.threads')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('meetingDesk.review.openThreads', { count: open })}
                </Text>
              </Group>
              <Paper withBorder radius="md" p="sm">
                <CommentForm
                  proposalId={proposal.id}
                  parentId={null}
                  label={t('meetingDesk.review.newThread')}
                  submitLabel={t('meetingDesk.review.comment')}
                />
              </Paper>
              {threads.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('meetingDesk.review.noThreads')}
                </Text>
              ) : (
                threads.map((thread, index) => (
                  <ThreadCard key={thread.root.id} thread={thread} proposalId={proposal.id} index={index} />
                ))
              )}
            </Stack>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
