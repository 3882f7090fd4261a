import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface Props {
  to: string;
  title: ReactNode;
  meta?: ReactNode;
  aside?: ReactNode;
  unread?: boolean;
}

/** One row of a list that opens a page: the whole row is the link. */
export function ListRow({ to, title, meta, aside, unread = false }: Props) {
  return (
    <Paper
      component={Link}
      to={to}
      withBorder
      radius="md"
      p="sm"
      style={{
        display: 'block',
        textDecoration: 'none',
        color: 'inherit',
        borderInlineStartWidth: unread ? 4 : 1,
        borderInlineStartColor: unread ? 'var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      {/* On a phone the badges wrap under the text instead of squeezing it into a narrow column. */}
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Text>
          {meta ? (
            <Text size="sm" c="dimmed" component="div" style={{ overflowWrap: 'anywhere' }}>
              {meta}
            </Text>
          ) : null}
        </Stack>
        {aside ? <div style={{ flexShrink: 0 }}>{aside}</div> : null}
      </Group>
    </Paper>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Text component="h2" id={id} fw={700} size="lg" m={0}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}
