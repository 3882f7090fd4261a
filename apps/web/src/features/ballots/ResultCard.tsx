import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import type { BallotResult } from '../../gql/graphql';

const COLOR: Record<BallotResult, string> = { passed: 'majlis', failed: 'red', noQuorum: 'rust' };

export function ResultCard({
  result,
  closedAt,
  decidedByChair,
  zone,
}: {
  result: BallotResult;
  closedAt: string | null | undefined;
  decidedByChair: boolean;
  zone: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Alert color={COLOR[result]} variant="light" title={t(`ballot.resultTitle.${result}`)} role="status">
      <Stack gap={4}>
        <Text size="sm">{t(`ballot.resultBody.${result}`)}</Text>
        {decidedByChair ? <Text size="sm">{t('ballot.decidedByChair')}</Text> : null}
        {closedAt ? (
          <Text size="sm">
            {t('ballot.closedOn')} <DateStamp value={closedAt} withTime zone={zone} />
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
