import { useQuery } from '@apollo/client/react';
import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { DateStamp } from '../../components/DateStamp';
import { Section } from '../../components/ListRow';
import { LocalizedText } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, PageSkeleton } from '../../components/states';

const PublishedAgendasDocument = graphql(`
  query PublishedAgendas {
    meetings(first: 20) {
      edges {
        node {
          id
          state
          startsAt
          timeZone
          title {
            ...Text
          }
          hostCity {
            id
            name {
              ...Text
            }
          }
          agenda {
            id
            number
            title {
              ...Text
            }
            proposal {
              id
            }
            children {
              id
              number
              title {
                ...Text
              }
              proposal {
                id
              }
            }
          }
        }
      }
    }
  }
`);

interface AgendaLine {
  id: string;
  number: string;
  title: { ar?: string | null; en?: string | null; authoritative: 'ar' | 'en' };
  proposal?: { id: string } | null;
}

function Line({ item }: { item: AgendaLine }) {
  const title = <LocalizedText value={item.title} quietFallback />;
  return (
    <Text component="li" size="sm">
      <bdi>{item.number}</bdi>{' '}
      {item.proposal ? (
        <Anchor component={Link} to={`/proposals/${item.proposal.id}`} size="sm">
          {title}
        </Anchor>
      ) : (
        title
      )}
    </Text>
  );
}

/** Meetings whose agenda is published (or in session): their items, each proposal a link. */
export function PublishedAgendas() {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(PublishedAgendasDocument);
  const meetings =
    data?.meetings.edges
      .map((edge) => edge.node)
      .filter((meeting) => meeting.state === 'agendaPublished' || meeting.state === 'inSession') ?? [];
  return (
    <Section id="home-agendas" title={t('home.agendas')}>
      {loading && !data ? <PageSkeleton rows={1} /> : null}
      {!loading && !data ? <ErrorNotice error={error} /> : null}
      {data && meetings.length === 0 ? <EmptyState title={t('home.noAgendas')} /> : null}
      {meetings.map((meeting) => (
        <Paper key={meeting.id} withBorder p="md" radius="md">
          <Stack gap={6}>
            <Text fw={600}>
              <LocalizedText value={meeting.title} />
            </Text>
            <Text size="sm" c="dimmed">
              <LocalizedText value={meeting.hostCity.name} quietFallback />
              {' · '}
              <DateStamp value={meeting.startsAt} withTime zone={meeting.timeZone} />
            </Text>
            <Stack component="ol" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
              {meeting.agenda
                .flatMap((item) => [item, ...item.children])
                .map((item) => (
                  <Line key={item.id} item={item} />
                ))}
            </Stack>
          </Stack>
        </Paper>
      ))}
    </Section>
  );
}
