import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import { LocalizedText } from '../../components/LocalizedText';
import { ErrorNotice, PageSkeleton, PageTitle } from '../../components/states';
import type { SeatRowFragment } from '../../gql/graphql';
import { errorField, fieldMessage } from '../../lib/errors';
import { pickText } from '../../lib/localized';
import { usePreferences } from '../../lib/preferences';
import { hasRole, useMe } from '../../lib/session';
import { todayIn } from './choices';
import { AssignSeatDocument, BoardSeatsDocument, CitiesDocument, EndSeatDocument, PeopleDocument } from './documents';
import { NotAllowed } from './NotAllowed';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showToast } from '../../lib/toasts';

function OpenBallotsNote() {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" title={t('seats.ballotsTitle')}>
      {t('seats.ballotsBody')}
    </Alert>
  );
}

function AssignForm({
  seats,
  initialCityId,
  onDone,
}: {
  seats: SeatRowFragment[];
  initialCityId: string | null;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { lang, timeZone } = usePreferences();
  const cities = useQuery(CitiesDocument);
  const [cityId, setCityId] = useState<string | null>(initialCityId);
  const [personId, setPersonId] = useState<string | null>(null);
  const [startsOn, setStartsOn] = useState(todayIn(timeZone));
  const [chair, setChair] = useState(false);
  const people = useQuery(PeopleDocument, {
    variables: { filter: { memberCityId: cityId, active: true }, first: 100 },
    skip: cityId === null,
  });
  const [assign, { loading, error }] = useMutation(AssignSeatDocument, {
    refetchQueries: ['BoardSeats', 'People'],
  });
  const field = errorField(error);
  const current = seats.find((seat) => seat.memberCity.id === cityId && seat.current);
  const ready = cityId !== null && personId !== null && /^\d{4}-\d{2}-\d{2}$/.test(startsOn);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (cityId === null || personId === null || !ready) return;
    try {
      await assign({ variables: { input: { memberCityId: cityId, personId, startsOn, isChair: chair } } });
      showToast('green', 'seats.given');
      onDone();
    } catch {
      // shown below
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} besideFields={['personId', 'startsOn']} />
        <Select
          label={t('seats.city')}
          data={(cities.data?.memberCities ?? []).map((city) => ({
            value: city.id,
            label: pickText(city.name, lang)?.text ?? city.code,
          }))}
          value={cityId}
          onChange={(value) => {
            setCityId(value);
            setPersonId(null);
          }}
          searchable
          required
          nothingFoundMessage={t('common.nothingFound')}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('seats.person')}
          description={t('seats.personHint')}
          data={(people.data?.people.edges ?? []).map(({ node }) => ({
            value: node.id,
            label: `${pickText(node.name, lang)?.text ?? ''} — ${node.email}`,
          }))}
          value={personId}
          onChange={setPersonId}
          disabled={cityId === null}
          searchable
          required
          nothingFoundMessage={t('seats.noPeople')}
          error={field === 'personId' ? fieldMessage(error, t) : undefined}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          type="date"
          label={t('seats.startsOn')}
          required
          value={startsOn}
          onChange={(event) => setStartsOn(event.currentTarget.value)}
          error={field === 'startsOn' ? fieldMessage(error, t) : undefined}
          dir="ltr"
        />
        <Checkbox label={t('seats.isChair')} checked={chair} onChange={(e) => setChair(e.currentTarget.checked)} />
        {current ? (
          <Text size="sm" role="status">
            {t('seats.replaces')} <LocalizedText value={current.holder.name} quietFallback />
          </Text>
        ) : null}
        <OpenBallotsNote />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading} disabled={!ready}>
            {t('seats.give')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EndForm({ seat, onDone }: { seat: SeatRowFragment; onDone(): void }) {
  const { t } = useTranslation();
  const { timeZone } = usePreferences();
  const [endsOn, setEndsOn] = useState(todayIn(timeZone));
  const [end, { loading, error }] = useMutation(EndSeatDocument, { refetchQueries: ['BoardSeats', 'People'] });
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await end({ variables: { id: seat.id, endsOn } });
      showToast('green', 'seats.ended');
      onDone();
    } catch {
      // shown below
    }
  }
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {t('seats.endLead')} <LocalizedText value={seat.holder.name} quietFallback /> ·{' '}
          <LocalizedText value={seat.memberCity.name} quietFallback />
        </Text>
        <ErrorAlert error={error} />
        <TextInput
          type="date"
          label={t('seats.endsOn')}
          required
          value={endsOn}
          onChange={(event) => setEndsOn(event.currentTarget.value)}
          dir="ltr"
        />
        <Text size="sm">{t('seats.endRole')}</Text>
        <OpenBallotsNote />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={loading} disabled={!/^\d{4}-\d{2}-\d{2}$/.test(endsOn)}>
            {t('seats.end')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The board: each member city's current seat, its holder and since when, the chair marked. */
export function SeatsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const admin = hasRole(me, 'ADMIN');
  const seats = useQuery(BoardSeatsDocument, { variables: { currentOnly: true } });
  const cities = useQuery(CitiesDocument);
  const [giving, setGiving] = useState<{ cityId: string | null } | null>(null);
  const [ending, setEnding] = useState<SeatRowFragment | null>(null);
  if (!hasRole(me, 'ADMIN', 'SECRETARIAT')) return <NotAllowed />;
  const current = seats.data?.boardSeats ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <PageTitle>{t('seats.title')}</PageTitle>
          <Text c="dimmed" size="sm">
            {t('seats.lead')}
          </Text>
        </Stack>
        {admin ? <Button onClick={() => setGiving({ cityId: null })}>{t('seats.give')}</Button> : null}
      </Group>
      <OpenBallotsNote />
      {(seats.loading && !seats.data) || (cities.loading && !cities.data) ? <PageSkeleton rows={4} /> : null}
      {seats.error ? <ErrorNotice error={seats.error} /> : null}
      {seats.data && cities.data ? (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {cities.data.memberCities.map((city) => {
            const seat = current.find((s) => s.memberCity.id === city.id);
            return (
              <Paper key={city.id} withBorder radius="md" p="sm" component="li">
                <Group justify="space-between" align="flex-start" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
                    <Text fw={600}>
                      <LocalizedText value={city.name} quietFallback />
                    </Text>
                    {seat ? (
                      <>
                        <Group gap={6}>
                          <Text size="sm">
                            <LocalizedText value={seat.holder.name} quietFallback />
                          </Text>
                          {seat.isChair ? (
                            <Badge size="sm" variant="filled" tt="none">
                              {t('seats.chair')}
                            </Badge>
                          ) : null}
                        </Group>
                        <Text size="sm" c="dimmed">
                          {t('seats.since')} <DateStamp value={seat.startsOn} />
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('seats.vacant')}
                      </Text>
                    )}
                  </Stack>
                  {admin ? (
                    <Group gap="xs">
                      <Button size="xs" variant="default" onClick={() => setGiving({ cityId: city.id })}>
                        {seat ? t('seats.pass') : t('seats.give')}
                      </Button>
                      {seat ? (
                        <Button size="xs" variant="default" c="red.9" onClick={() => setEnding(seat)}>
                          {t('seats.end')}
                        </Button>
                      ) : null}
                    </Group>
                  ) : null}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      ) : null}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={giving !== null}
        onClose={() => setGiving(null)}
        title={t('seats.giveTitle')}
        centered
        size="lg"
      >
        {giving ? <AssignForm seats={current} initialCityId={giving.cityId} onDone={() => setGiving(null)} /> : null}
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={ending !== null}
        onClose={() => setEnding(null)}
        title={t('seats.endTitle')}
        centered
      >
        {ending ? <EndForm seat={ending} onDone={() => setEnding(null)} /> : null}
      </Modal>
    </Stack>
  );
}
