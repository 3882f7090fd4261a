import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Group, Modal, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LocalizedText, type TextParts } from '../../components/LocalizedText';
import type { MajorityRule } from '../../gql/graphql';
import { showToast } from '../../lib/toasts';
import { BoardDeskDocument, OpenDeskBallotDocument } from './documents';

/** The ballot's rules said in words (the ballots feature's card, handed in by the app). */
export type RulesView = ComponentType<{
  rules: {
    quorum: number;
    majority: MajorityRule;
    abstentionsCountAsCast: boolean;
    tieBreak: 'CHAIR' | 'NONE';
    secret: boolean;
  };
  eligible: number;
  chair: null;
}>;

const MAJORITIES: MajorityRule[] = ['SIMPLE', 'ABSOLUTE', 'TWO_THIRDS', 'UNANIMOUS'];

interface Props {
  meetingId: string;
  zone: string;
  proposal: { id: string; title: TextParts };
  /** The board's current seats: who will be eligible, less any declared conflict. */
  seats: number;
  RulesCard: RulesView;
  onClose(): void;
}

/** Opening a ballot: each rule chosen and said in words before the board is asked. */
export function OpenBallotDialog({ meetingId, zone, proposal, seats, RulesCard, onClose }: Props) {
  const { t } = useTranslation();
  const [quorum, setQuorum] = useState<number | ''>(50);
  const [majority, setMajority] = useState<MajorityRule>('SIMPLE');
  const [abstentionsCountAsCast, setAbstentionsCounted] = useState(false);
  const [chairBreaksTie, setChairBreaksTie] = useState(false);
  const [secret, setSecret] = useState(false);
  const [hours, setHours] = useState<number | ''>('');
  const [open, { loading, error }] = useMutation(OpenDeskBallotDocument, {
    refetchQueries: [{ query: BoardDeskDocument, variables: { id: meetingId } }],
    awaitRefetchQueries: true,
  });
  const rules = {
    quorum: (quorum === '' ? 0 : quorum) / 100,
    majority,
    abstentionsCountAsCast: majority === 'TWO_THIRDS' || majority === 'UNANIMOUS' ? abstentionsCountAsCast : false,
    tieBreak: majority === 'SIMPLE' && chairBreaksTie ? ('CHAIR' as const) : ('NONE' as const),
    secret,
  };
  // Fixed when the form opens, so the closing time shown does not creep while the secretariat reads.
  const [openedAt] = useState(() => Date.now());
  const closesAt = hours === '' ? null : new Date(openedAt + hours * 3_600_000).toISOString();

  async function confirm() {
    const done = await open({ variables: { proposalId: proposal.id, rules, closesAt } }).catch(() => null);
    if (done === null) return;
    showToast('majlis', 'agendaDesk.ballotOpened');
    onClose();
  }

  return (
    <Modal opened onClose={onClose} title={t('agendaDesk.openTitle')} size="lg">
      <Stack
        component="form"
        gap="md"
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <Text fw={600}>
          <LocalizedText value={proposal.title} />
        </Text>
        <NumberInput
          label={t('agendaDesk.quorumLabel')}
          description={t('agendaDesk.quorumHint')}
          min={0}
          max={100}
          suffix="%"
          allowDecimal={false}
          value={quorum}
          onChange={(value) => setQuorum(typeof value === 'number' ? value : '')}
        />
        <Radio.Group
          label={t('agendaDesk.majorityLabel')}
          value={majority}
          onChange={(value) => setMajority(value as MajorityRule)}
        >
          <Stack gap={6} mt={4}>
            {MAJORITIES.map((value) => (
              <Radio key={value} value={value} label={t(`agendaDesk.majority.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {majority === 'TWO_THIRDS' || majority === 'UNANIMOUS' ? (
          <Checkbox
            label={t('agendaDesk.abstentionsLabel')}
            checked={abstentionsCountAsCast}
            onChange={(event) => setAbstentionsCounted(event.currentTarget.checked)}
          />
        ) : null}
        {majority === 'SIMPLE' ? (
          <Checkbox
            label={t('agendaDesk.tieLabel')}
            checked={chairBreaksTie}
            onChange={(event) => setChairBreaksTie(event.currentTarget.checked)}
          />
        ) : null}
        <Radio.Group
          label={t('agendaDesk.secrecyLabel')}
          value={secret ? 'secret' : 'named'}
          onChange={(value) => setSecret(value === 'secret')}
        >
          <Stack gap={6} mt={4}>
            <Radio value="named" label={t('agendaDesk.named')} />
            <Radio value="secret" label={t('agendaDesk.secret')} />
          </Stack>
        </Radio.Group>
        <NumberInput
          label={t('agendaDesk.closesInLabel')}
          description={t('agendaDesk.closesInHint')}
          min={1}
          max={24 * 60}
          allowDecimal={false}
          value={hours}
          onChange={(value) => setHours(typeof value === 'number' ? value : '')}
        />
        <RulesCard rules={rules} eligible={seats} chair={null} />
        <Text size="sm">
          {closesAt === null ? (
            t('agendaDesk.closesByHand')
          ) : (
            <>
              {t('agendaDesk.closesOn')} <DateStamp value={closesAt} withTime zone={zone} />
            </>
          )}
        </Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('agendaDesk.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('agendaDesk.openConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
