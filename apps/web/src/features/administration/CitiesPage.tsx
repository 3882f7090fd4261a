import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedText } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, PageSkeleton, PageTitle } from '../../components/states';
import type { CityRowFragment } from '../../gql/graphql';
import { errorField, fieldMessage } from '../../lib/errors';
import { formatNumber, parseNumber, type Digits, type Lang } from '../../lib/numbers';
import { usePreferences } from '../../lib/preferences';
import { hasRole, useMe } from '../../lib/session';
import { timeZoneName } from '@majlis/catalogue';
import { countryChoices, countryName, timeZoneChoices } from './choices';
import { CitiesDocument, CreateCityDocument, UpdateCityDocument } from './documents';
import { NotAllowed } from './NotAllowed';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showToast } from '../../lib/toasts';
import { BilingualNameInputs, hasName, nameInput, type TypedName } from '../../components/BilingualNameInputs';

// A city's code: lowercase Latin letters, as many as the API takes.
const CODE_LENGTH = { min: 2, max: 40 };
const CODE = new RegExp(`^[a-z]{${CODE_LENGTH.min},${CODE_LENGTH.max}}$`);
/** A year as a person reads it: the reader's digits, no thousands separator. */
const yearIn = (year: number, lang: Lang, digits: Digits) => formatNumber(year, lang, digits, { useGrouping: false });

function CityForm({ city, onDone }: { city: CityRowFragment | null; onDone(): void }) {
  const { t } = useTranslation();
  const { lang, digits } = usePreferences();
  const [code, setCode] = useState(city?.code ?? '');
  const [typedName, setTypedName] = useState<TypedName>({ ar: city?.name.ar ?? '', en: city?.name.en ?? '' });
  const [country, setCountry] = useState<string | null>(city?.countryCode ?? null);
  const [zone, setZone] = useState<string | null>(city?.timeZone ?? null);
  const [joined, setJoined] = useState(city ? String(city.joinedYear) : '');
  const [officeAr, setOfficeAr] = useState(city?.coordinatingOffice?.name.ar ?? '');
  const [officeEn, setOfficeEn] = useState(city?.coordinatingOffice?.name.en ?? '');
  const [create, creating] = useMutation(CreateCityDocument, { refetchQueries: ['AdminCities'] });
  const [update, updating] = useMutation(UpdateCityDocument);
  const zones = useMemo(() => timeZoneChoices(lang), [lang]);
  const countries = useMemo(() => countryChoices(lang), [lang]);
  const error = city ? updating.error : creating.error;
  const field = errorField(error);
  const year = parseNumber(joined);
  const codeValid = CODE.test(code);
  const ready =
    codeValid && hasName(typedName) && country !== null && zone !== null && year !== null && Number.isInteger(year);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready || country === null || zone === null || year === null) return;
    const name = nameInput(typedName);
    const office =
      officeAr.trim() !== '' || officeEn.trim() !== ''
        ? { ar: officeAr.trim() || null, en: officeEn.trim() || null }
        : null;
    try {
      if (city) {
        await update({
          variables: {
            id: city.id,
            input: { name, countryCode: country, timeZone: zone, joinedYear: year, coordinatingOfficeName: office },
          },
        });
      } else {
        await create({
          variables: {
            input: {
              code,
              name,
              countryCode: country,
              timeZone: zone,
              joinedYear: year,
              coordinatingOfficeName: office,
            },
          },
        });
      }
      showToast('green', 'cities.saved');
      onDone();
    } catch {
      // shown in the form
    }
  }

  const fieldError = (name: string) => (error && field === name ? fieldMessage(error, t) : undefined);
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} besideFields={['code', 'name', 'countryCode', 'timeZone', 'joinedYear']} />
        <BilingualNameInputs
          value={typedName}
          onChange={setTypedName}
          labels={{ ar: t('cities.nameAr'), en: t('cities.nameEn') }}
          error={fieldError('name')}
        />
        <TextInput
          label={t('cities.code')}
          description={t('cities.codeHint', CODE_LENGTH)}
          dir="ltr"
          required
          disabled={city !== null}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value.trim().toLowerCase())}
          error={fieldError('code') ?? (code !== '' && !codeValid ? t('cities.codeInvalid', CODE_LENGTH) : undefined)}
        />
        <Select
          label={t('cities.country')}
          data={countries}
          value={country}
          onChange={setCountry}
          searchable
          required
          nothingFoundMessage={t('common.nothingFound')}
          error={fieldError('countryCode')}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('cities.timeZone')}
          description={t('cities.timeZoneHint')}
          data={zones}
          value={zone}
          onChange={setZone}
          searchable
          required
          limit={80}
          nothingFoundMessage={t('common.nothingFound')}
          error={fieldError('timeZone')}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('cities.joinedYear')}
          inputMode="numeric"
          required
          value={joined}
          onChange={(event) => setJoined(event.currentTarget.value)}
          error={
            fieldError('joinedYear') ??
            (joined !== '' && year === null
              ? t('cities.yearInvalid', { example: yearIn(1995, lang, digits) })
              : undefined)
          }
        />
        <TextInput
          label={t('cities.officeAr')}
          lang="ar"
          dir="rtl"
          value={officeAr}
          onChange={(event) => setOfficeAr(event.currentTarget.value)}
        />
        <TextInput
          label={t('cities.officeEn')}
          lang="en"
          dir="ltr"
          value={officeEn}
          onChange={(event) => setOfficeEn(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={creating.loading || updating.loading} disabled={!ready}>
            {city ? t('cities.save') : t('cities.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The member cities: names in both languages, country, time zone, joined year, coordinating office. */
export function CitiesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { lang, digits } = usePreferences();
  const { data, error, loading } = useQuery(CitiesDocument);
  const [editing, setEditing] = useState<CityRowFragment | 'new' | null>(null);
  if (!hasRole(me, 'ADMIN')) return <NotAllowed />;
  const cities = data?.memberCities ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <PageTitle>{t('cities.title')}</PageTitle>
          <Text c="dimmed" size="sm">
            {t('cities.lead')}
          </Text>
        </Stack>
        <Button onClick={() => setEditing('new')}>{t('cities.add')}</Button>
      </Group>
      {loading && !data ? <PageSkeleton rows={3} /> : null}
      {!data && error ? <ErrorNotice error={error} /> : null}
      {data && cities.length === 0 ? <EmptyState title={t('cities.none')} /> : null}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {cities.map((city) => (
          <Paper key={city.id} withBorder radius="md" p="sm" component="li">
            <Group justify="space-between" align="flex-start" gap="sm">
              <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
                <Text fw={600}>
                  <LocalizedText value={city.name} quietFallback />{' '}
                  <Text component="span" c="dimmed" size="sm" dir="ltr">
                    <bdi>({city.code})</bdi>
                  </Text>
                </Text>
                <Text size="sm">
                  {countryName(city.countryCode, lang)} · {timeZoneName(city.timeZone, lang, digits)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('cities.joinedIn', { year: yearIn(city.joinedYear, lang, digits) })}
                  {city.coordinatingOffice ? (
                    <>
                      {' · '}
                      <LocalizedText value={city.coordinatingOffice.name} quietFallback />
                    </>
                  ) : null}
                </Text>
              </Stack>
              <Button size="xs" variant="default" onClick={() => setEditing(city)}>
                {t('cities.edit')}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('cities.addTitle') : t('cities.editTitle')}
        centered
        size="lg"
      >
        {editing !== null ? (
          <CityForm city={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        ) : null}
      </Modal>
    </Stack>
  );
}
