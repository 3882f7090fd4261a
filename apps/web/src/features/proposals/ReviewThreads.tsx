import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { Badge, Box, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LocalizedText } from '../../components/LocalizedText';
import { usePreferences } from '../../lib/preferences';
import { showToast } from '../../lib/toasts';
import { type Comment, threadsOf } from './desk';
import { ReplyToReviewDocument } from './documents';

function CommentBody({ comment }: { comment: Comment }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        <Text span fw={600} size="xs" c="var(--mantine-color-text)">
          <LocalizedText value={comment.author.name} quietFallback />
        </Text>
        {' · '}
        <DateStamp value={comment.createdAt} withTime size="xs" />
        {comment.revision ? ` · ${t('proposalDesk.review.onRevision', { number: comment.revision.number })}` : ''}
      </Text>
      <Text size="sm" component="div">
        <LocalizedText value={comment.body} block />
      </Text>
    </Stack>
  );
}

function ReplyForm({ proposalId, parentId }: { proposalId: string; parentId: string }) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const [text, setText] = useState('');
  const [opened, setOpened] = useState(false);
  const [add, { loading, error, reset }] = useMutation(ReplyToReviewDocument, {
    // The reply joins the proposal's threads at once; the subscription's event brings the same list.
    update(cache, { data }) {
      const added = data?.addReviewComment;
      if (!added) return;
      cache.modify<{ reviewComments: Reference[] }>({
        id: cache.identify({ __typename: 'Proposal', id: proposalId }),
        fields: {
          reviewComments: (existing, { readField, toReference }) => {
            if (existing.some((comment) => readField('id', comment) === added.id)) return existing;
            const reference = toReference(added);
            return reference ? [...existing, reference] : existing;
          },
        },
      });
    },
  });

  if (!opened)
    return (
      <Button
        size="compact-sm"
        variant="subtle"
        c="majlis.9"
        onClick={() => setOpened(true)}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('proposalDesk.review.reply')}
      </Button>
    );
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') return;
        void add({ variables: { input: { proposalId, parentId, body: { [lang]: text } } } })
          .then(() => {
            setText('');
            setOpened(false);
            showToast('majlis.9', 'proposalDesk.review.sent');
          })
          .catch(() => undefined);
      }}
    >
      <Textarea
        label={t('proposalDesk.review.replyLabel')}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          if (error) reset();
        }}
        autosize
        minRows={2}
        required
        dir="auto"
        data-autofocus
      />
      <ErrorAlert error={error} />
      <Group gap="xs">
        <Button type="submit" size="xs" loading={loading} disabled={text.trim() === ''}>
          {t('proposalDesk.review.send')}
        </Button>
        <Button size="xs" variant="subtle" c="gray.8" onClick={() => setOpened(false)}>
          {t('proposalDesk.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The secretariat's review: threads beside the text, answered here, resolved ones marked as such. */
export function ReviewThreads({
  proposalId,
  comments,
  canReply,
}: {
  proposalId: string;
  comments: readonly Comment[];
  canReply: boolean;
}) {
  const { t } = useTranslation();
  const threads = threadsOf(comments);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="review-title">
      <Stack gap="sm">
        <Title id="review-title" order={2} size="h5" c="dimmed">
          {t('proposalDesk.review.title')}
        </Title>
        {threads.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('proposalDesk.review.empty')}
          </Text>
        ) : (
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {threads.map(({ root, replies }) => {
              const resolved = root.resolvedAt !== null && root.resolvedAt !== undefined;
              return (
                <Box
                  component="li"
                  key={root.id}
                  p="sm"
                  aria-label={resolved ? t('proposalDesk.review.resolvedThread') : t('proposalDesk.review.openThread')}
                  style={{
                    borderRadius: 8,
                    border: '1px solid var(--mantine-color-gray-3)',
                    background: resolved ? 'var(--mantine-color-gray-0)' : undefined,
                  }}
                >
                  <Stack gap="xs">
                    {resolved ? (
                      <Group gap={6}>
                        <Badge color="gray.8" variant="light" tt="none">
                          {t('proposalDesk.review.resolved')}
                        </Badge>
                        {root.resolvedBy ? (
                          <Text size="xs" c="dimmed">
                            <LocalizedText value={root.resolvedBy.name} quietFallback />
                          </Text>
                        ) : null}
                      </Group>
                    ) : null}
                    <CommentBody comment={root} />
                    {replies.length > 0 ? (
                      <Stack
                        component="ul"
                        gap="xs"
                        m={0}
                        ps="sm"
                        style={{ listStyle: 'none', borderInlineStart: '2px solid var(--mantine-color-gray-3)' }}
                        aria-label={t('proposalDesk.review.replies')}
                      >
                        {replies.map((reply) => (
                          <li key={reply.id}>
                            <CommentBody comment={reply} />
                          </li>
                        ))}
                      </Stack>
                    ) : null}
                    {canReply && !resolved ? <ReplyForm proposalId={proposalId} parentId={root.id} /> : null}
                  </Stack>
                </Box>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
