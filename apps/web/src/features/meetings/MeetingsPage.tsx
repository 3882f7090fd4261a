import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateStamp } from '../../components/DateStamp';
import { ListRow, Section } from '../../components/ListRow';
import { LocalizedText } from '../../components/LocalizedText';
import { ShowMore } from '../../components/ShowMore';
import { EmptyState, ErrorNotice, PageSkeleton, PageTitle } from '../../components/states';
import type { MeetingFilter, MeetingOrder } from '../../gql/graphql';
import { useMe } from '../../lib/session';
import { mayPlanMeetings } from './access';
import { MeetingListDocument } from './documents';
import { MeetingForm } from './MeetingForm';

const PAGE = 20;

function MeetingRows({ filter, orderBy, empty }: { filter: MeetingFilter; orderBy: MeetingOrder; empty: string }) {
  const { t } = useTranslation();
  const { data, error, loading, fetchMore } = useQuery(MeetingListDocument, {
    variables: { filter, orderBy, first: PAGE },
  });
  if (loading && !data) return <PageSkeleton rows={2} />;
  if (!data) return <ErrorNotice error={error} />;
  const { edges, pageInfo, totalCount } = data.meetings;
  if (edges.length === 0) return <EmptyState title={empty} />;

  return (
    <Stack gap="xs">
      {edges.map(({ node }) => (
        <ListRow
          key={node.id}
          to={`/meetings/${node.id}`}
          title={<LocalizedText value={node.title} quietFallback />}
          meta={
            <>
              {t(`meetingDesk.kind.${node.kind}`)}
              {' · '}
              <LocalizedText value={node.hostCity.name} quietFallback />
              {' · '}
              <DateStamp value={node.startsAt} withTime zone={node.timeZone} />
            </>
          }
          aside={
            <Badge variant="light" color={node.state === 'cancelled' ? 'gray.8' : 'blue.9'} tt="none">
              {t(`states:meeting.${node.state}`)}
            </Badge>
          }
        />
      ))}
      {pageInfo.hasNextPage ? (
        <ShowMore
          shown={edges.length}
          total={totalCount}
          onMore={() => fetchMore({ variables: { after: pageInfo.endCursor } })}
        />
      ) : null}
    </Stack>
  );
}

/** Every meeting: the coming ones soonest first, then the earlier ones latest first. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  // "Now" as the page opened, to the minute: the two lists split there and stay put while it is open.
  const [now] = useState(() => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString());
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <PageTitle>{t('meetingDesk.meetings.title')}</PageTitle>
          <Text c="dimmed" size="sm">
            {t('meetingDesk.meetings.lead')}
          </Text>
        </Stack>
        {mayPlanMeetings(me) ? <Button onClick={open}>{t('meetingDesk.meetings.new')}</Button> : null}
      </Group>
      {opened ? (
        <MeetingForm
          meeting={null}
          opened={opened}
          onClose={close}
          onSaved={(id) => {
            close();
            void navigate(`/meetings/${id}`);
          }}
        />
      ) : null}
      <Section id="meetings-upcoming" title={t('meetingDesk.meetings.upcoming')}>
        <MeetingRows
          filter={{ startsAfter: now }}
          orderBy="STARTS_AT_ASC"
          empty={t('meetingDesk.meetings.noUpcoming')}
        />
      </Section>
      <Section id="meetings-earlier" title={t('meetingDesk.meetings.earlier')}>
        <MeetingRows
          filter={{ startsBefore: now }}
          orderBy="STARTS_AT_DESC"
          empty={t('meetingDesk.meetings.noEarlier')}
        />
      </Section>
    </Stack>
  );
}
