import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { timeZoneName } from '@majlis/catalogue';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BilingualNameInputs, hasName, nameInput, type TypedName } from '../../components/BilingualNameInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { pickText } from '../../lib/localized';
import type { MeetingDetailsFragment, MeetingKind } from '../../gql/graphql';
import { errorField, fieldMessage } from '../../lib/errors';
import { useFormat, usePreferences } from '../../lib/preferences';
import { timeZoneChoices } from '../../lib/time-zones';
import { showToast } from '../../lib/toasts';
import { CreateMeetingDocument, MeetingCitiesDocument, UpdateMeetingDocument } from './documents';
import { instantOf, wallTimeIn, type WallTime } from './zoned-time';

const KINDS: MeetingKind[] = ['ANNUAL', 'BOARD', 'EXTRAORDINARY'];
const FIELDS = ['kind', 'title', 'hostCityId', 'venue', 'timeZone', 'startsAt', 'endsAt'] as const;

const typed = (text: { ar?: string | null; en?: string | null } | null | undefined): TypedName => ({
  ar: text?.ar ?? '',
  en: text?.en ?? '',
});

/** A time typed in the meeting's zone, with the reader's own clock at that moment beside it. */
function ZonedTimeInput(props: {
  label: string;
  value: WallTime;
  zone: string | null;
  onChange(value: WallTime): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { timeZone, lang, digits } = usePreferences();
  const instant = props.zone ? instantOf(props.value, props.zone) : null;
  const description = props.zone
    ? t('meetingDesk.form.inZone', { zone: timeZoneName(props.zone, lang, digits) })
    : t('meetingDesk.form.pickZoneFirst');
  return (
    <Stack gap={4}>
      <TextInput
        type="datetime-local"
        label={props.label}
        description={description}
        required
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        error={props.error}
        disabled={!props.zone}
      />
      {instant && props.zone !== timeZone ? (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('meetingDesk.form.yourTime', {
            date: format.dates(instant.toISOString(), timeZone).gregorian,
            time: format.time(instant.toISOString(), timeZone),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Plans a meeting, or changes one: every time in the meeting's own zone. */
export function MeetingForm({
  meeting,
  opened,
  onClose,
  onSaved,
}: {
  meeting: MeetingDetailsFragment | null;
  opened: boolean;
  onClose(): void;
  onSaved(id: string): void;
}) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const cities = useQuery(MeetingCitiesDocument);
  const [kind, setKind] = useState<MeetingKind>(meeting?.kind ?? 'ANNUAL');
  const [title, setTitle] = useState<TypedName>(typed(meeting?.title));
  const [venue, setVenue] = useState<TypedName>(typed(meeting?.venue));
  const [hostCityId, setHostCityId] = useState<string | null>(meeting?.hostCity.id ?? null);
  const [zone, setZone] = useState<string | null>(meeting?.timeZone ?? null);
  const [startsAt, setStartsAt] = useState<WallTime>(
    meeting ? wallTimeIn(new Date(meeting.startsAt), meeting.timeZone) : '',
  );
  const [endsAt, setEndsAt] = useState<WallTime>(meeting ? wallTimeIn(new Date(meeting.endsAt), meeting.timeZone) : '');
  const [create, creating] = useMutation(CreateMeetingDocument, { refetchQueries: ['MeetingList'] });
  const [update, updating] = useMutation(UpdateMeetingDocument, { refetchQueries: ['MeetingList'] });
  const zones = useMemo(() => timeZoneChoices(lang), [lang]);
  const cityChoices = useMemo(
    () =>
      (cities.data?.memberCities ?? [])
        .map((city) => ({ value: city.id, label: pickText(city.name, lang)?.text ?? city.id }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
    [cities.data, lang],
  );
  const error = meeting ? updating.error : creating.error;
  const field = errorField(error);
  const fieldError = (name: string) => (error && field === name ? fieldMessage(error, t) : undefined);
  const start = zone ? instantOf(startsAt, zone) : null;
  const end = zone ? instantOf(endsAt, zone) : null;
  const endBeforeStart = start !== null && end !== null && end <= start;
  const ready = hasName(title) && hostCityId !== null && zone !== null && start !== null && end !== null;

  function pickCity(id: string | null) {
    setHostCityId(id);
    // The meeting is held where its host is: the city's zone, unless one was chosen already.
    const city = cities.data?.memberCities.find((c) => c.id === id);
    if (city && zone === null) setZone(city.timeZone);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready || endBeforeStart || start === null || end === null) return;
    const input = {
      kind,
      title: nameInput(title),
      hostCityId,
      venue: hasName(venue) ? nameInput(venue) : null,
      timeZone: zone,
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
    };
    try {
      if (meeting) {
        await update({ variables: { id: meeting.id, input } });
        showToast('green', 'meetingDesk.form.saved');
        onSaved(meeting.id);
      } else {
        const result = await create({ variables: { input } });
        showToast('green', 'meetingDesk.form.created');
        if (result.data) onSaved(result.data.createMeeting.id);
      }
    } catch {
      // shown in the form
    }
  }

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={meeting ? t('meetingDesk.form.editTitle') : t('meetingDesk.form.newTitle')}
      size="lg"
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <ErrorAlert error={error} besideFields={FIELDS} />
          <Select
            label={t('meetingDesk.form.kind')}
            data={KINDS.map((value) => ({ value, label: t(`meetingDesk.kind.${value}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as MeetingKind)}
            allowDeselect={false}
            required
            error={fieldError('kind')}
            comboboxProps={{ withinPortal: true }}
          />
          <BilingualNameInputs
            value={title}
            onChange={setTitle}
            labels={{ ar: t('meetingDesk.form.titleAr'), en: t('meetingDesk.form.titleEn') }}
            error={fieldError('title')}
          />
          <Select
            label={t('meetingDesk.form.hostCity')}
            data={cityChoices}
            value={hostCityId}
            onChange={pickCity}
            searchable
            required
            nothingFoundMessage={t('common.nothingFound')}
            error={fieldError('hostCityId')}
            comboboxProps={{ withinPortal: true }}
          />
          <BilingualNameInputs
            value={venue}
            onChange={setVenue}
            labels={{ ar: t('meetingDesk.form.venueAr'), en: t('meetingDesk.form.venueEn') }}
            error={fieldError('venue')}
          />
          <Select
            label={t('meetingDesk.form.timeZone')}
            description={zone ? undefined : t('meetingDesk.form.timeZoneHint')}
            data={zones}
            value={zone}
            onChange={setZone}
            searchable
            required
            nothingFoundMessage={t('common.nothingFound')}
            error={fieldError('timeZone')}
            comboboxProps={{ withinPortal: true }}
          />
          <ZonedTimeInput
            label={t('meetingDesk.form.startsAt')}
            value={startsAt}
            zone={zone}
            onChange={setStartsAt}
            error={fieldError('startsAt')}
          />
          <ZonedTimeInput
            label={t('meetingDesk.form.endsAt')}
            value={endsAt}
            zone={zone}
            onChange={setEndsAt}
            error={fieldError('endsAt') ?? (endBeforeStart ? t('meetingDesk.form.endBeforeStart') : undefined)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!ready || endBeforeStart} loading={creating.loading || updating.loading}>
              {meeting ? t('meetingDesk.form.save') : t('meetingDesk.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
