import { useQuery } from '@apollo/client/react';
import { Box, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateStamp } from '../../components/DateStamp';
import { LocalizedText } from '../../components/LocalizedText';
import { ErrorNotice, NotFound, PageSkeleton } from '../../components/states';
import { errorCode } from '../../lib/errors';
import { pickText } from '../../lib/localized';
import { usePreferences } from '../../lib/preferences';
import { AgendaNumber } from './AgendaNumber';
import { flatten, plannedTotal } from './agenda-tree';
import { AgendaDeskDocument } from './documents';
import './print.css';

/** The agenda as it is handed out: numbered, with minutes and presenters; printed from the browser. */
export function AgendaPrintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const { data, loading, error } = useQuery(AgendaDeskDocument, { variables: { id } });
  if (loading && !data) return <PageSkeleton rows={6} />;
  if (errorCode(error) === 'NOT_FOUND') return <NotFound />;
  if (!data) return <ErrorNotice error={error} />;
  const meeting = data.meeting;
  const items = flatten(meeting.agendaItems);
  return (
    <Stack gap="md">
      <Group className="agenda-print-controls" justify="space-between" gap="xs">
        <Button component={Link} to={`/meetings/${meeting.id}/agenda`} variant="default">
          {t('agendaDesk.backToBuilder')}
        </Button>
        <Button onClick={() => window.print()}>{t('agendaDesk.print')}</Button>
      </Group>
      <Paper
        className="agenda-sheet"
        withBorder
        radius="md"
        p={{ base: 'md', sm: 'xl' }}
        component="article"
        aria-labelledby="agenda-sheet-title"
      >
        <Stack gap="sm">
          <Text size="sm" fw={700} c="dimmed">
            {t('agendaDesk.sheetHeading')}
          </Text>
          <Title order={1} size="h2" id="agenda-sheet-title" style={{ overflowWrap: 'anywhere' }}>
            <LocalizedText value={meeting.title} />
          </Title>
          <Text size="sm">
            <LocalizedText value={meeting.hostCity.name} quietFallback />
            {meeting.venue ? (
              <>
                {' · '}
                <LocalizedText value={meeting.venue} quietFallback />
              </>
            ) : null}
          </Text>
          <DateStamp value={meeting.startsAt} withTime zone={meeting.timeZone} />
          <Divider my="xs" />
          {items.length === 0 ? <Text>{t('agendaDesk.empty')}</Text> : null}
          <Box component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item) => {
              const presenter = item.presenterDelegation
                ? t('agendaDesk.presenterDelegation', {
                    city: pickText(item.presenterDelegation.memberCity.name, lang)?.text ?? '',
                  })
                : item.presenter === 'SECRETARIAT'
                  ? t('agendaDesk.presenterSecretariat')
                  : null;
              return (
                <Box
                  component="li"
                  key={item.id}
                  py={6}
                  style={{
                    paddingInlineStart: `${item.depth * 2}rem`,
                    borderBottom: '1px solid var(--mantine-color-gray-3)',
                  }}
                >
                  <Group gap="sm" wrap="nowrap" align="baseline" justify="space-between">
                    <Group gap="xs" wrap="nowrap" align="baseline" style={{ minWidth: 0 }}>
                      <Text fw={700} style={{ flexShrink: 0 }}>
                        <AgendaNumber number={item.number} />
                      </Text>
                      <Stack gap={0} style={{ minWidth: 0 }}>
                        <Text fw={item.depth === 0 ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
                          <LocalizedText value={item.title} quietFallback />
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`agendaDesk.kind.${item.kind}`)}
                          {presenter ? ` · ${presenter}` : ''}
                        </Text>
                      </Stack>
                    </Group>
                    {item.plannedMinutes ? (
                      <Text size="sm" style={{ flexShrink: 0 }}>
                        {t('agendaDesk.minutes', { count: item.plannedMinutes })}
                      </Text>
                    ) : null}
                  </Group>
                </Box>
              );
            })}
          </Box>
          <Text size="sm" fw={600} ta="end">
            {t('agendaDesk.sheetTotal', { count: plannedTotal(items) })}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
