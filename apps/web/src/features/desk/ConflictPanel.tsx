import { Alert, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LocalizedText } from '../../components/LocalizedText';
import { directionOf } from '../../lib/numbers';
import { useFormat } from '../../lib/preferences';
import { DRAFT_FIELDS, type Draft } from './draft';
import type { Conflict } from './use-draft-sync';

function Version({ draft, heading, id }: { draft: Draft; heading: string; id: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={id}>
          {heading}
        </Title>
        {DRAFT_FIELDS.map((field) =>
          (['ar', 'en'] as const).map((lang) => (
            <Box key={`${field}-${lang}`}>
              <Text size="xs" c="dimmed" fw={600}>
                {t(`desk.editor.${field}.${lang}`)}
              </Text>
              <Text
                size="sm"
                lang={lang}
                dir={directionOf(lang)}
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', textAlign: 'start' }}
              >
                {draft[field][lang] || t('desk.conflict.empty')}
              </Text>
            </Box>
          )),
        )}
      </Stack>
    </Paper>
  );
}

/** A colleague saved meanwhile: both versions side by side, and nothing written until the person chooses. */
export function ConflictPanel({
  conflict,
  mine,
  onKeepMine,
  onTakeTheirs,
}: {
  conflict: Conflict;
  mine: Draft;
  onKeepMine(): void;
  onTakeTheirs(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert color="red" variant="light" title={t('desk.conflict.title')} role="alert">
      <Stack gap="md">
        <Text size="sm">
          {conflict.savedBy ? (
            <>
              {t('desk.conflict.bodyBy')} <LocalizedText value={conflict.savedBy.name} quietFallback />
              {conflict.savedAt ? ` (${format.time(conflict.savedAt)})` : null}
              {'. '}
            </>
          ) : null}
          {t('desk.conflict.body')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Version draft={conflict.theirs} heading={t('desk.conflict.theirs')} id="desk-conflict-theirs" />
          <Version draft={mine} heading={t('desk.conflict.mine')} id="desk-conflict-mine" />
        </SimpleGrid>
        <Group gap="sm">
          <Button onClick={onKeepMine}>{t('desk.conflict.keepMine')}</Button>
          <Button variant="default" onClick={onTakeTheirs}>
            {t('desk.conflict.takeTheirs')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
