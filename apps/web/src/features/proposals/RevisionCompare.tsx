import { useQuery } from '@apollo/client/react';
import { Alert, Box, Group, NativeSelect, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/states';
import { directionOf, isLang } from '../../lib/numbers';
import { ProposalDiffDocument } from './documents';

// Colour and a line through (not colour alone) tell insertions from deletions; both pass contrast.
const INS = { background: '#d3f9d8', color: '#0b3d17', textDecoration: 'underline' } as const;
const DEL = { background: '#ffe3e3', color: '#6b0f0f', textDecoration: 'line-through' } as const;

const FIELD_ORDER = ['title', 'summary', 'body'] as const;

/** The word diff between any two revisions, per field and language, as insertions and deletions. */
export function RevisionCompare({ proposalId, numbers }: { proposalId: string; numbers: number[] }) {
  const { t } = useTranslation();
  const sorted = [...numbers].sort((a, b) => a - b);
  const latest = sorted[sorted.length - 1] ?? 1;
  const [from, setFrom] = useState(sorted[sorted.length - 2] ?? latest);
  const [to, setTo] = useState(latest);
  const { data, error, loading } = useQuery(ProposalDiffDocument, {
    variables: { id: proposalId, from, to },
    skip: from === to,
  });

  if (sorted.length < 2) {
    return (
      <Text size="sm" c="dimmed">
        {t('proposalDesk.diff.needTwo')}
      </Text>
    );
  }
  const options = sorted.map((n) => ({ value: String(n), label: t('proposal.revision', { number: n }) }));
  const fields = [...(data?.proposal.diff.fields ?? [])].sort(
    (a, b) =>
      FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field) ||
      (a.language === b.language ? 0 : a.language === 'ar' ? -1 : 1),
  );

  return (
    <Stack gap="sm">
      <Group gap="sm" grow>
        <NativeSelect
          label={t('proposalDesk.diff.from')}
          data={options}
          value={String(from)}
          onChange={(event) => setFrom(Number(event.currentTarget.value))}
        />
        <NativeSelect
          label={t('proposalDesk.diff.to')}
          data={options}
          value={String(to)}
          onChange={(event) => setTo(Number(event.currentTarget.value))}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('proposalDesk.diff.legend')} <ins style={INS}>{t('proposalDesk.diff.inserted')}</ins>{' '}
        <del style={DEL}>{t('proposalDesk.diff.deleted')}</del>
      </Text>
      {from === to ? (
        <Text size="sm" c="dimmed">
          {t('proposalDesk.diff.same')}
        </Text>
      ) : loading && !data ? (
        <Skeleton height={80} radius="md" aria-busy="true" aria-label={t('common.loading')} />
      ) : !data ? (
        <ErrorNotice error={error} />
      ) : (
        <Stack gap="md" data-testid="revision-diff">
          {data.proposal.diff.coarse ? (
            <Alert color="yellow.9" variant="light" title={t('proposalDesk.diff.coarseTitle')}>
              {t('proposalDesk.diff.coarse')}
            </Alert>
          ) : null}
          {fields.map((field) => {
            const lang = isLang(field.language) ? field.language : 'en';
            const unchanged = field.segments.every((segment) => segment.kind === 'equal');
            return (
              <Stack
                gap={4}
                key={`${field.field}-${field.language}`}
                component="section"
                aria-labelledby={`diff-${field.field}-${field.language}`}
              >
                <Text id={`diff-${field.field}-${field.language}`} size="xs" fw={700} c="dimmed">
                  {t(`proposalDesk.diff.field.${field.field}`)} · {t(`languages.${lang}`)}
                  {field.coarse ? ` · ${t('proposalDesk.diff.coarseField')}` : ''}
                </Text>
                {unchanged ? (
                  <Text size="sm" c="dimmed">
                    {t('proposalDesk.diff.unchanged')}
                  </Text>
                ) : (
                  <Box
                    lang={lang}
                    dir={directionOf(lang)}
                    p="xs"
                    style={{
                      whiteSpace: 'pre-wrap',
                      overflowWrap: 'anywhere',
                      textAlign: 'start',
                      background: 'var(--mantine-color-gray-0)',
                      borderRadius: 6,
                    }}
                  >
                    {field.segments.map((segment, index) =>
                      segment.kind === 'insert' ? (
                        <ins key={index} style={INS}>
                          {segment.text}
                        </ins>
                      ) : segment.kind === 'delete' ? (
                        <del key={index} style={DEL}>
                          {segment.text}
                        </del>
                      ) : (
                        <span key={index}>{segment.text}</span>
                      ),
                    )}
                  </Box>
                )}
              </Stack>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
