import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateStamp } from '../../components/DateStamp';
import { Section } from '../../components/ListRow';
import { LocalizedText } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, NotFound, PageSkeleton, PageTitle } from '../../components/states';
import type { MeetingDetailsFragment } from '../../gql/graphql';
import { errorCode } from '../../lib/errors';
import { useMe } from '../../lib/session';
import { mayPlanMeetings } from './access';
import { MeetingPageDocument } from './documents';
import { MeetingForm } from './MeetingForm';

type Delegation = MeetingDetailsFragment['delegations'][number];

// Details may change until the meeting sits; after that they are its record.
const EDITABLE = new Set(['planned', 'agendaPublished']);

function DelegationCard({ delegation }: { delegation: Delegation }) {
  const { t } = useTranslation();
  const office = delegation.memberCity.coordinatingOffice;
  const headingId = `delegation-${delegation.id}`;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Text component="h3" id={headingId} fw={700} m={0}>
          <LocalizedText value={delegation.memberCity.name} quietFallback />
        </Text>
        {delegation.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('meetingDesk.meeting.noMembers')}
          </Text>
        ) : (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
            {delegation.members.map((member) => (
              <li key={member.id}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={member.isHead ? 600 : 400}>
                    <LocalizedText value={member.name} quietFallback />
                  </Text>
                  {member.isHead ? (
                    <Badge size="sm" variant="light" color="blue.9" tt="none">
                      {t('meetingDesk.meeting.head')}
                    </Badge>
                  ) : null}
                </Group>
                {member.position ? (
                  <Text size="xs" c="dimmed">
                    <LocalizedText value={member.position} quietFallback />
                  </Text>
                ) : null}
              </li>
            ))}
          </Stack>
        )}
        {office ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              <LocalizedText value={office.name} quietFallback />
            </Text>
            {office.stakeholders.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('meetingDesk.meeting.noStakeholders')}
              </Text>
            ) : (
              <List size="sm" spacing={2}>
                {office.stakeholders.map((stakeholder) => (
                  <List.Item key={stakeholder.id}>
                    <LocalizedText value={stakeholder.name} quietFallback />
                    <Text component="span" size="xs" c="dimmed">
                      {' · '}
                      {t(`meetingDesk.stakeholderKind.${stakeholder.kind}`)}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A meeting: when and where, its delegations and their heads, the observers, its calendar file and agenda. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const [editing, { open, close }] = useDisclosure(false);
  const { data, error, loading } = useQuery(MeetingPageDocument, { variables: { id } });

  if (loading && !data) return <PageSkeleton rows={4} />;
  if (errorCode(error) === 'NOT_FOUND') return <NotFound />;
  if (!data) return <ErrorNotice error={error} />;

  const meeting = data.meeting;
  const manager = mayPlanMeetings(me);
  const itemCount = meeting.agendaItems.length;

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          <Anchor component={Link} underline="always" to="/meetings" size="sm" c="majlis.9">
            {t('meetingDesk.meetings.title')}
          </Anchor>
          {' · '}
          {t(`meetingDesk.kind.${meeting.kind}`)}
        </Text>
        <PageTitle>
          <LocalizedText value={meeting.title} />
        </PageTitle>
        <Group gap="xs">
          <Badge variant="light" color={meeting.state === 'cancelled' ? 'gray.8' : 'blue.9'} tt="none">
            {t(`states:meeting.${meeting.state}`)}
          </Badge>
        </Group>
      </Stack>

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="meeting-when">
        <Stack gap="xs">
          <Text id="meeting-when" size="sm" fw={700} c="dimmed">
            {t('meetingDesk.meeting.whenWhere')}
          </Text>
          <Text size="sm">
            <Text component="span" fw={600} size="sm">
              {t('meetingDesk.meeting.starts')}
            </Text>{' '}
            <DateStamp value={meeting.startsAt} withTime zone={meeting.timeZone} />
          </Text>
          <Text size="sm">
            <Text component="span" fw={600} size="sm">
              {t('meetingDesk.meeting.ends')}
            </Text>{' '}
            <DateStamp value={meeting.endsAt} withTime zone={meeting.timeZone} />
          </Text>
          <Text size="sm">
            <Text component="span" fw={600} size="sm">
              {t('meetingDesk.meeting.place')}
            </Text>{' '}
            {meeting.venue ? (
              <>
                <LocalizedText value={meeting.venue} quietFallback />
                {t('common.listSeparator')}
              </>
            ) : null}
            <LocalizedText value={meeting.hostCity.name} quietFallback />
          </Text>
          <Group gap="xs" mt="xs" wrap="wrap">
            {manager && EDITABLE.has(meeting.state) ? (
              <Button variant="light" onClick={open}>
                {t('meetingDesk.meeting.edit')}
              </Button>
            ) : null}
            <Button component="a" variant="default" href={`${meeting.calendarUrl}?lang=ar`} download lang="ar">
              {t('meetingDesk.meeting.calendarAr')}
            </Button>
            <Button component="a" variant="default" href={`${meeting.calendarUrl}?lang=en`} download lang="en">
              {t('meetingDesk.meeting.calendarEn')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      {editing ? <MeetingForm meeting={meeting} opened={editing} onClose={close} onSaved={close} /> : null}

      <Section id="meeting-agenda" title={t('meetingDesk.meeting.agenda')}>
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              {itemCount === 0
                ? t('meetingDesk.meeting.noAgenda')
                : t('meetingDesk.meeting.agendaItems', { count: itemCount })}
            </Text>
            {manager ? (
              <Button component={Link} to={`/meetings/${meeting.id}/agenda`} variant="filled">
                {t('meetingDesk.meeting.agendaBuilder')}
              </Button>
            ) : null}
          </Group>
        </Paper>
      </Section>

      <Section id="meeting-delegations" title={t('meetingDesk.meeting.delegations')}>
        {meeting.delegations.length === 0 ? (
          <EmptyState title={t('meetingDesk.meeting.noDelegations')} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {meeting.delegations.map((delegation) => (
              <DelegationCard key={delegation.id} delegation={delegation} />
            ))}
          </SimpleGrid>
        )}
      </Section>
    </Stack>
  );
}
