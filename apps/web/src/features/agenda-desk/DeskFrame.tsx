import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateStamp } from '../../components/DateStamp';
import { LocalizedText, type TextParts } from '../../components/LocalizedText';
import { NotAllowed, PageTitle } from '../../components/states';

interface Props {
  meeting: { id: string; title: TextParts; startsAt?: string; timeZone: string };
  current: 'agenda' | 'board';
  children: ReactNode;
}

/** The meeting desk's frame: the meeting, and the way between its agenda, the board and the print view. */
export function DeskFrame({ meeting, current, children }: Props) {
  const { t } = useTranslation();
  const base = `/meetings/${meeting.id}`;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t(current === 'agenda' ? 'agendaDesk.agendaTitle' : 'agendaDesk.boardTitle')}
        </Text>
        <PageTitle>
          <LocalizedText value={meeting.title} />
        </PageTitle>
        {meeting.startsAt ? <DateStamp value={meeting.startsAt} withTime zone={meeting.timeZone} /> : null}
      </Stack>
      <Group gap="xs" component="nav" aria-label={t('agendaDesk.deskNav')}>
        <Button
          component={Link}
          to={`${base}/agenda`}
          variant={current === 'agenda' ? 'filled' : 'default'}
          aria-current={current === 'agenda' ? 'page' : undefined}
          size="sm"
        >
          {t('agendaDesk.tabAgenda')}
        </Button>
        <Button
          component={Link}
          to={`${base}/board`}
          variant={current === 'board' ? 'filled' : 'default'}
          aria-current={current === 'board' ? 'page' : undefined}
          size="sm"
        >
          {t('agendaDesk.tabBoard')}
        </Button>
        <Button component={Link} to={`${base}/agenda/print`} variant="default" size="sm">
          {t('agendaDesk.tabPrint')}
        </Button>
      </Group>
      {children}
    </Stack>
  );
}

/** The desk is the secretariat's: others are told so. */
export function SecretariatOnly() {
  const { t } = useTranslation();
  return <NotAllowed title={t('agendaDesk.onlySecretariat')} body={t('agendaDesk.onlySecretariatBody')} />;
}
