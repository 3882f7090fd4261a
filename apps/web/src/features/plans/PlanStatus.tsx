import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionItemState, TrackStatus } from '../../gql/graphql';

const STATUS_COLOR: Record<TrackStatus, string> = { onTrack: 'majlis.9', atRisk: 'rust.9', late: 'red.9' };
const ITEM_COLOR: Record<ActionItemState, string> = {
  planned: 'gray.8',
  inProgress: 'blue.9',
  blocked: 'rust.9',
  done: 'majlis.9',
  verified: 'majlis.9',
  cancelled: 'gray.8',
};

export function TrackBadge({ status }: { status: TrackStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" tt="none">
      {t(`plan.status.${status}`)}
    </Badge>
  );
}

export function ItemStateBadge({ state }: { state: ActionItemState }) {
  const { t } = useTranslation();
  return (
    <Badge color={ITEM_COLOR[state]} variant="light" tt="none">
      {t(`states:actionItem.${state}`)}
    </Badge>
  );
}
