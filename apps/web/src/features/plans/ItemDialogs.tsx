import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BilingualNameInputs, hasName, nameInput, type TypedName } from '../../components/BilingualNameInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { pickText, type TextParts } from '../../lib/localized';
import { errorField, fieldMessage } from '../../lib/errors';
import { toLatinDigits } from '../../lib/numbers';
import { usePreferences } from '../../lib/preferences';
import { showToast } from '../../lib/toasts';
import type { PlanItemFragment as PlanItemType } from '../../gql/graphql';
import { CreateActionItemDocument, ReportProgressDocument, TransitionActionItemDocument } from './documents';

/** The field a refusal names, when it is one of this form's: its message goes beside that field. */
function fieldError(error: unknown, field: string, t: ReturnType<typeof useTranslation>['t']): string | undefined {
  return error && errorField(error) === field ? fieldMessage(error, t) : undefined;
}

interface City {
  id: string;
  name: TextParts;
}

interface AddProps {
  planId: string;
  opened: boolean;
  onClose(): void;
  cities: readonly City[];
  /** Milestones an item may go under. */
  milestones: ReadonlyArray<{ id: string; title: TextParts }>;
  /** Preset parent (adding a task under a milestone). */
  parentId: string | null;
}

const TOP = 'top';

/** Adding a milestone or a task to a plan (the secretariat). */
export function AddItemDialog({ planId, opened, onClose, cities, milestones, parentId }: AddProps) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const [kind, setKind] = useState<'TASK' | 'MILESTONE'>(parentId ? 'TASK' : 'MILESTONE');
  const [parent, setParent] = useState<string>(parentId ?? TOP);
  const [title, setTitle] = useState<TypedName>({ ar: '', en: '' });
  const [ownerCityId, setOwnerCityId] = useState<string | null>(null);
  const [startDate, setStartDate] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [missing, setMissing] = useState(false);
  const [create, { loading, error, reset }] = useMutation(CreateActionItemDocument, {
    // The new item joins the plan's list at once; the roll-up follows with the plan's live update.
    update(cache, { data: made }) {
      const added = made ? cache.identify(made.createActionItem) : undefined;
      if (added === undefined) return;
      cache.modify<{ allItems: PlanItemType[] }>({
        id: cache.identify({ __typename: 'ImplementationPlan', id: planId }),
        fields: {
          allItems: (items, { readField }) =>
            items.some((item) => readField('id', item) === made?.createActionItem.id)
              ? items
              : [...items, { __ref: added }],
        },
      });
    },
  });
  const nameOf = (value: TextParts) => pickText(value, lang)?.text ?? '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!hasName(title) || !ownerCityId || !startDate || !dueDate) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const done = await create({
      variables: {
        input: {
          planId,
          kind,
          parentId: parent === TOP ? null : parent,
          title: nameInput(title),
          ownerCityId,
          startDate,
          dueDate,
        },
      },
    }).catch(() => null);
    if (done?.data) {
      showToast('majlis', kind === 'MILESTONE' ? 'followUp.milestoneAdded' : 'followUp.taskAdded');
      setTitle({ ar: '', en: '' });
      reset();
      onClose();
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('followUp.addTitle')} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            value={kind}
            onChange={(value) => setKind(value as 'TASK' | 'MILESTONE')}
            data={[
              { value: 'MILESTONE', label: t('followUp.kind.MILESTONE') },
              { value: 'TASK', label: t('followUp.kind.TASK') },
            ]}
            aria-label={t('followUp.kindLabel')}
          />
          <Select
            label={t('followUp.parent')}
            value={parent}
            onChange={(value) => setParent(value ?? TOP)}
            allowDeselect={false}
            data={[
              { value: TOP, label: t('followUp.topLevel') },
              ...milestones.map((milestone) => ({ value: milestone.id, label: nameOf(milestone.title) })),
            ]}
            error={fieldError(error, 'parentId', t)}
          />
          <BilingualNameInputs
            value={title}
            onChange={setTitle}
            labels={{ ar: t('followUp.titleAr'), en: t('followUp.titleEn') }}
            error={missing && !hasName(title) ? t('followUp.titleRequired') : fieldError(error, 'title', t)}
          />
          <Select
            label={t('followUp.owner')}
            value={ownerCityId}
            onChange={setOwnerCityId}
            data={cities.map((city) => ({ value: city.id, label: nameOf(city.name) }))}
            error={missing && !ownerCityId ? t('followUp.ownerRequired') : fieldError(error, 'ownerCityId', t)}
            searchable
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('followUp.startDate')}
              value={startDate}
              onChange={(event) => setStartDate(event.currentTarget.value)}
              error={missing && !startDate ? t('followUp.dateRequired') : fieldError(error, 'startDate', t)}
            />
            <TextInput
              type="date"
              label={t('followUp.dueDate')}
              value={dueDate}
              onChange={(event) => setDueDate(event.currentTarget.value)}
              error={missing && !dueDate ? t('followUp.dateRequired') : fieldError(error, 'dueDate', t)}
            />
          </Group>
          <ErrorAlert error={error} besideFields={['parentId', 'title', 'ownerCityId', 'startDate', 'dueDate']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('followUp.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('followUp.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A progress report on a task: the per cent and a note, in whichever language it is written. */
export function ReportDialog({ item, onClose }: { item: PlanItemType | null; onClose(): void }) {
  const { t } = useTranslation();
  const [percent, setPercent] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [report, { loading, error, reset }] = useMutation(ReportProgressDocument);
  const opened = item !== null;

  function close() {
    setPercent('');
    setNote('');
    reset();
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (item === null) return;
    const value = typeof percent === 'number' ? percent : Number(toLatinDigits(percent));
    const done = await report({
      variables: { id: item.id, percent: Number.isFinite(value) ? Math.round(value) : -1, note: note.trim() || null },
    }).catch(() => null);
    if (done?.data) {
      showToast('majlis', 'followUp.reported');
      close();
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={t('followUp.reportTitle')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <NumberInput
            label={t('followUp.percent')}
            description={t('followUp.percentHint')}
            min={0}
            max={100}
            value={percent}
            onChange={setPercent}
            allowDecimal={false}
            error={fieldError(error, 'percent', t)}
            data-autofocus
          />
          <Textarea
            label={t('followUp.note')}
            description={t('followUp.noteHint')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            rows={4}
            dir="auto"
            error={fieldError(error, 'note', t)}
          />
          <ErrorAlert error={error} besideFields={['percent', 'note']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('followUp.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('followUp.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Blocking an item needs a reason, which everyone following it then reads. */
export function BlockDialog({ item, onClose }: { item: PlanItemType | null; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [transition, { loading, error, reset }] = useMutation(TransitionActionItemDocument);

  function close() {
    setReason('');
    reset();
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (item === null) return;
    const done = await transition({
      variables: { id: item.id, event: 'BLOCK', expectedVersion: item.version, comment: reason.trim() || null },
    }).catch(() => null);
    if (done?.data) close();
  }

  return (
    <Modal opened={item !== null} onClose={close} title={t('followUp.blockTitle')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Textarea
            label={t('followUp.blockReason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            rows={3}
            dir="auto"
            error={fieldError(error, 'comment', t)}
            data-autofocus
          />
          <ErrorAlert error={error} besideFields={['comment']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('followUp.cancel')}
            </Button>
            <Button type="submit" color="rust.9" loading={loading}>
              {t('events:actionItem.BLOCK.label')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
