import { useQuery } from '@apollo/client/react';
import { Box, Grid, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import { LocalizedText } from '../../components/LocalizedText';
import { ErrorNotice } from '../../components/states';
import type { ProposalPageQuery } from '../../gql/graphql';
import { usePreferences } from '../../lib/preferences';
import { pathTaken } from './desk';
import { ProposalWorkflowDocument } from './documents';

const WorkflowDiagram = lazy(() => import('./WorkflowDiagram'));

type Proposal = ProposalPageQuery['proposal'];
function DiagramLoading() {
  const { t } = useTranslation();
  return <Skeleton height={420} radius="md" aria-busy="true" aria-label={t('common.loading')} />;
}

/** Where it stands: the workflow drawn with the path taken, that path as a list, and the history. */
export function ProposalStanding({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const workflow = useQuery(ProposalWorkflowDocument);
  const { digits } = usePreferences();
  const path = pathTaken(proposal.state, proposal.history);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="standing-title">
      <Stack gap="md">
        <Title id="standing-title" order={2} size="h4">
          {t('proposalDesk.standing.title')}
        </Title>
        <Box
          role="figure"
          aria-label={t('proposalDesk.standing.diagram')}
          data-testid="workflow-diagram"
          style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden' }}
        >
          {workflow.data ? (
            <Suspense fallback={<DiagramLoading />}>
              <WorkflowDiagram workflow={workflow.data.workflow} current={proposal.state} path={path} />
            </Suspense>
          ) : workflow.error ? (
            <ErrorNotice error={workflow.error} />
          ) : (
            <DiagramLoading />
          )}
        </Box>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="sm">
              <Text size="sm" fw={700} c="dimmed" id="path-title">
                {t('proposalDesk.standing.path')}
              </Text>
              <Box
                component="ol"
                aria-labelledby="path-title"
                m={0}
                ps="lg"
                style={{ listStyleType: digits === 'arab' ? 'arabic-indic' : 'decimal' }}
              >
                {path.map((state, index) => {
                  const isCurrent = index === path.length - 1;
                  return (
                    <li key={`${state}-${index}`} aria-current={isCurrent ? 'step' : undefined}>
                      <Text span size="sm" fw={isCurrent ? 700 : 400}>
                        {t(`states:proposal.${state}`)}
                        {isCurrent ? ` (${t('proposalDesk.standing.current')})` : ''}
                      </Text>
                    </li>
                  );
                })}
              </Box>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="sm">
              <Text size="sm" fw={700} c="dimmed" id="history-title">
                {t('proposalDesk.standing.history')}
              </Text>
              {proposal.history.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('proposalDesk.standing.noHistory')}
                </Text>
              ) : (
                <Box component="ol" aria-labelledby="history-title" m={0} p={0} style={{ listStyle: 'none' }}>
                  {proposal.history.map((entry, index) => (
                    <Box
                      component="li"
                      key={entry.id}
                      ps="md"
                      pb="sm"
                      style={{
                        borderInlineStart: `2px solid var(--mantine-color-${
                          index === proposal.history.length - 1 ? 'majlis-9' : 'gray-4'
                        })`,
                      }}
                    >
                      <Text fw={600} size="sm">
                        {t('proposalDesk.standing.step', {
                          event: t(`events:proposal.${entry.event}.label`),
                          state: t(`states:proposal.${entry.toState}`),
                        })}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {entry.actor ? (
                          <LocalizedText value={entry.actor.name} quietFallback />
                        ) : (
                          t('proposalDesk.standing.platform')
                        )}
                        {' · '}
                        <DateStamp value={entry.occurredAt} withTime size="xs" />
                      </Text>
                      {entry.comment ? (
                        <Text
                          size="sm"
                          mt={4}
                          component="blockquote"
                          dir="auto"
                          mx={0}
                          mb={0}
                          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                        >
                          {entry.comment}
                        </Text>
                      ) : null}
                    </Box>
                  ))}
                </Box>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Paper>
  );
}
