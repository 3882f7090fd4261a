import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CityProposals, RecentDecisions } from '../features/proposals';
import { OpenBallots, OpenBallotsForMe } from '../features/ballots';
import { PublishedAgendas } from '../features/meetings';
import { UnreadNotifications } from '../features/notifications';
import { CityFollowup } from '../features/plans';
import { LocalizedText } from '../components/LocalizedText';
import { PageTitle } from '../components/states';
import { ListRow, Section } from '../components/ListRow';
import { hasRole, useMe } from '../lib/session';
import { adminNav } from './admin-nav';

/** What needs me now, by role; the delegation's and secretariat's desks come in later issues. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const board = hasRole(me, 'BOARD_MEMBER');
  const secretariat = hasRole(me, 'SECRETARIAT', 'ADMIN');
  const observer = hasRole(me, 'OBSERVER');
  const delegate = hasRole(me, 'DELEGATE');
  const administration = adminNav(me);
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <PageTitle>
          {t('home.greeting')} <LocalizedText value={me.name} quietFallback />
        </PageTitle>
        <Text c="dimmed">{t('home.lead')}</Text>
      </Stack>
      {administration.length > 0 ? (
        <Section title={t('nav.administration')} id="home-administration">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {administration.map((item) => (
              <ListRow key={item.to} to={item.to} title={t(item.key)} meta={item.lead ? t(item.lead) : undefined} />
            ))}
          </SimpleGrid>
        </Section>
      ) : null}
      {board ? <OpenBallotsForMe /> : null}
      {secretariat ? <OpenBallots /> : null}
      <UnreadNotifications />
      {delegate && me.memberCity ? <CityProposals cityId={me.memberCity.id} /> : null}
      {observer ? <PublishedAgendas /> : null}
      <RecentDecisions />
      {observer || delegate ? <CityFollowup city={me.memberCity} /> : null}
    </Stack>
  );
}
