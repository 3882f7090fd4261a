import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/ListRow';
import { PageTitle } from '../../components/states';
import { hasRole, useMe } from '../../lib/session';
import { BallotList } from './BallotList';

export function BallotsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const board = hasRole(me, 'BOARD_MEMBER');
  return (
    <Stack gap="xl">
      <PageTitle>{t('ballots.title')}</PageTitle>
      <Section id="ballots-open" title={board ? t('ballots.openForMe') : t('ballots.open')}>
        <BallotList
          filter={board ? { state: 'open', eligibleToVote: true } : { state: 'open' }}
          empty={board ? t('ballots.noneOpenForMe') : t('ballots.noneOpen')}
        />
      </Section>
      <Section id="ballots-closed" title={t('ballots.closed')}>
        <BallotList filter={{ state: 'closed' }} empty={t('ballots.noneClosed')} />
      </Section>
    </Stack>
  );
}

/** For the home page: the ballots waiting for this board member. */
export function OpenBallotsForMe() {
  const { t } = useTranslation();
  return (
    <Section id="home-ballots" title={t('home.ballotsForMe')}>
      <BallotList filter={{ state: 'open', eligibleToVote: true }} empty={t('home.noBallotsForMe')} first={10} />
    </Section>
  );
}

/** For the secretariat's home: every ballot open now. */
export function OpenBallots() {
  const { t } = useTranslation();
  return (
    <Section id="home-open-ballots" title={t('home.openBallots')}>
      <BallotList filter={{ state: 'open' }} empty={t('ballots.noneOpen')} first={10} />
    </Section>
  );
}
