import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BallotResult, BallotState } from '../../gql/graphql';

const RESULT_COLOR: Record<BallotResult, string> = { passed: 'majlis.9', failed: 'red.9', noQuorum: 'rust.9' };

export function BallotStateBadge({ state, result }: { state: BallotState; result?: BallotResult | null }) {
  const { t } = useTranslation();
  if (state === 'closed' && result) {
    return (
      <Badge color={RESULT_COLOR[result]} variant="filled" tt="none">
        {t(`ballot.result.${result}`)}
      </Badge>
    );
  }
  return (
    <Badge color={state === 'open' ? 'majlis' : 'gray.8'} variant={state === 'open' ? 'filled' : 'light'} tt="none">
      {t(`states:ballot.${state}`)}
    </Badge>
  );
}
