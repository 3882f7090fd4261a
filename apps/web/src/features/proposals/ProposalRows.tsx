import { useQuery } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import { ListRow, Section } from '../../components/ListRow';
import { LocalizedText } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, PageSkeleton } from '../../components/states';
import type { ProposalFilter } from '../../gql/graphql';
import { ProposalListDocument } from './documents';
import { ProposalStateBadge } from '../../components/ProposalStateBadge';

function ProposalRows({ filter, empty }: { filter: ProposalFilter; empty: string }) {
  const { data, error, loading } = useQuery(ProposalListDocument, { variables: { filter, first: 10 } });
  if (loading && !data) return <PageSkeleton rows={2} />;
  if (!data) return <ErrorNotice error={error} />;
  if (data.proposals.edges.length === 0) return <EmptyState title={empty} />;
  return (
    <Stack gap="xs">
      {data.proposals.edges.map(({ node }) => (
        <ListRow
          key={node.id}
          to={`/proposals/${node.id}`}
          title={<LocalizedText value={node.title} quietFallback />}
          meta={
            <>
              <LocalizedText value={node.ownerCity.name} quietFallback />
              {' · '}
              <DateStamp value={node.updatedAt} />
            </>
          }
          aside={<ProposalStateBadge state={node.state} />}
        />
      ))}
    </Stack>
  );
}

/** The board's decisions: proposals approved or rejected. */
export function RecentDecisions() {
  const { t } = useTranslation();
  return (
    <Section id="home-decisions" title={t('home.decisions')}>
      <ProposalRows filter={{ states: ['approved', 'rejected'] }} empty={t('home.noDecisions')} />
    </Section>
  );
}

/** A delegate's own city's proposals. */
export function CityProposals({ cityId }: { cityId: string }) {
  const { t } = useTranslation();
  return (
    <Section id="home-city-proposals" title={t('home.cityProposals')}>
      <ProposalRows filter={{ ownerCityId: cityId }} empty={t('home.noCityProposals')} />
    </Section>
  );
}
