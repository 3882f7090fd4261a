import { Alert, Button, Center, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../lib/errors';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg" bg="var(--mantine-color-gray-0)">
      <Stack gap={4} align="center" ta="center">
        <Text fw={600}>{title}</Text>
        {children ? (
          <Text size="sm" c="dimmed">
            {children}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Grey shapes where the page will be, with the loading said for screen readers. */
export function PageSkeleton({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton height={34} width="60%" radius="sm" />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={64} radius="md" />
      ))}
    </Stack>
  );
}

export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      {errorMessage(error, t)}
    </Alert>
  );
}

export function PageTitle({ children, order = 1 }: { children: ReactNode; order?: 1 | 2 }) {
  return (
    <Title order={order} size={order === 1 ? 'h2' : 'h3'} style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Title>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" ta="center">
        <Title order={1} size="h2">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
      </Stack>
    </Center>
  );
}

/** A page this person may not use: whose it is, and the way home (the API refuses it as well). */
export function NotAllowed({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" ta="center">
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="dimmed">{body}</Text>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}
