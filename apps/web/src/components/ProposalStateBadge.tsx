import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProposalState } from '../gql/graphql';

const COLOR: Partial<Record<ProposalState, string>> = {
  draft: 'gray.8',
  changesRequested: 'rust.9',
  approved: 'majlis.9',
  rejected: 'red.9',
  withdrawn: 'gray.8',
  voting: 'majlis',
  deferred: 'rust.9',
};

/** A proposal's state in words, coloured by what it asks of the delegation. */
export function ProposalStateBadge({ state }: { state: ProposalState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLOR[state] ?? 'blue.9'}
      variant={state === 'approved' || state === 'voting' ? 'filled' : 'light'}
      tt="none"
    >
      {t(`states:proposal.${state}`)}
    </Badge>
  );
}
