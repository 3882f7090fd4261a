import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, NumberInput, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BilingualNameInputs, hasName, nameInput, type TypedName } from '../../components/BilingualNameInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { TextParts } from '../../components/LocalizedText';
import type { AgendaItemKind, AgendaLineFragment } from '../../gql/graphql';
import { pickText } from '../../lib/localized';
import { usePreferences } from '../../lib/preferences';
import { showToast } from '../../lib/toasts';
import {
  AddAgendaItemDocument,
  AgendaDeskDocument,
  LinkableProposalsDocument,
  UpdateAgendaItemDocument,
} from './documents';

export const KINDS: AgendaItemKind[] = ['SECTION', 'PRESENTATION', 'DISCUSSION', 'DECISION', 'PROGRAMME'];

interface Props {
  meetingId: string;
  delegations: { id: string; memberCity: { name: TextParts } }[];
  /** The item to change; a new one at the end when absent. */
  item: AgendaLineFragment | null;
  opened: boolean;
  onClose(): void;
}

const NONE = 'none';
const SECRETARIAT = 'secretariat';

function presenterValue(item: AgendaLineFragment | null): string {
  if (item?.presenterDelegation) return item.presenterDelegation.id;
  return item?.presenter === 'SECRETARIAT' ? SECRETARIAT : NONE;
}

/** Adding or changing an agenda item: kind, title in both languages, minutes, presenter, proposal. */
export function ItemDialog({ meetingId, delegations, item, opened, onClose }: Props) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const [kind, setKind] = useState<AgendaItemKind>(item?.kind ?? 'DISCUSSION');
  const [title, setTitle] = useState<TypedName>({ ar: item?.title.ar ?? '', en: item?.title.en ?? '' });
  const [minutes, setMinutes] = useState<number | ''>(item?.plannedMinutes ?? '');
  const [presenter, setPresenter] = useState(presenterValue(item));
  const [proposalId, setProposalId] = useState(item?.proposal?.id ?? NONE);
  const [missingTitle, setMissingTitle] = useState(false);
  const proposals = useQuery(LinkableProposalsDocument, { skip: !opened });
  const refetch = {
    refetchQueries: [{ query: AgendaDeskDocument, variables: { id: meetingId } }],
    awaitRefetchQueries: true,
  };
  const [add, added] = useMutation(AddAgendaItemDocument, refetch);
  const [update, updated] = useMutation(UpdateAgendaItemDocument, refetch);
  const error = added.error ?? updated.error;
  const name = (value: TextParts) => pickText(value, lang)?.text ?? '';

  const proposalChoices = [
    { value: NONE, label: t('agendaDesk.noProposal') },
    ...(proposals.data?.proposals.edges ?? []).map(({ node }) => ({
      value: node.id,
      label: `${name(node.title)} — ${name(node.ownerCity.name)}`,
    })),
  ];
  if (item?.proposal && !proposalChoices.some((choice) => choice.value === item.proposal?.id))
    proposalChoices.push({ value: item.proposal.id, label: name(item.proposal.title) });

  async function save() {
    if (!hasName(title)) {
      setMissingTitle(true);
      return;
    }
    const fields = {
      kind,
      title: nameInput(title),
      plannedMinutes: minutes === '' ? null : minutes,
      presenter:
        presenter === NONE ? null : presenter === SECRETARIAT ? ('SECRETARIAT' as const) : ('DELEGATION' as const),
      presenterDelegationId: presenter === NONE || presenter === SECRETARIAT ? null : presenter,
      proposalId: proposalId === NONE ? null : proposalId,
    };
    const done =
      item === null
        ? await add({ variables: { input: { meetingId, ...fields } } }).catch(() => null)
        : await update({ variables: { id: item.id, input: fields } }).catch(() => null);
    if (done === null) return;
    showToast('majlis', item === null ? 'agendaDesk.added' : 'agendaDesk.saved');
    onClose();
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(item === null ? 'agendaDesk.addTitle' : 'agendaDesk.editTitle')}
      size="lg"
    >
      <Stack
        component="form"
        gap="sm"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <ErrorAlert error={error} />
        <Select
          label={t('agendaDesk.kindLabel')}
          data={KINDS.map((value) => ({ value, label: t(`agendaDesk.kind.${value}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value as AgendaItemKind)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <BilingualNameInputs
          value={title}
          onChange={(value) => {
            setTitle(value);
            setMissingTitle(false);
          }}
          labels={{ ar: t('agendaDesk.titleAr'), en: t('agendaDesk.titleEn') }}
          error={missingTitle ? t('agendaDesk.titleMissing') : undefined}
        />
        <NumberInput
          label={t('agendaDesk.minutesLabel')}
          description={t('agendaDesk.minutesHint', { min: 1, max: 1440 })}
          min={1}
          max={1440}
          allowDecimal={false}
          value={minutes}
          onChange={(value) => setMinutes(typeof value === 'number' ? value : '')}
        />
        <Select
          label={t('agendaDesk.presenterLabel')}
          data={[
            { value: NONE, label: t('agendaDesk.presenterNone') },
            { value: SECRETARIAT, label: t('agendaDesk.presenterSecretariat') },
            ...delegations.map((delegation) => ({
              value: delegation.id,
              label: t('agendaDesk.presenterDelegation', { city: name(delegation.memberCity.name) }),
            })),
          ]}
          value={presenter}
          onChange={(value) => setPresenter(value ?? NONE)}
          allowDeselect={false}
        />
        <Select
          label={t('agendaDesk.proposalLabel')}
          description={t('agendaDesk.proposalHint')}
          data={proposalChoices}
          value={proposalId}
          onChange={(value) => setProposalId(value ?? NONE)}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('agendaDesk.noProposals')}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('agendaDesk.cancel')}
          </Button>
          <Button type="submit" loading={added.loading || updated.loading}>
            {t(item === null ? 'agendaDesk.add' : 'agendaDesk.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
