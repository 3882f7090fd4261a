import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../lib/localized';
import { errorField, fieldMessage } from '../../lib/errors';
import { isLang, type Lang } from '../../lib/numbers';
import { usePreferences } from '../../lib/preferences';
import type { FormOfAddress, PersonRowFragment, Role } from '../../gql/graphql';
import type { PeopleAccess } from './access';
import { timeZoneChoices } from './choices';
import { CitiesDocument, InvitePersonDocument, UpdatePersonDocument } from './documents';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showToast } from '../../lib/toasts';
import { BilingualNameInputs, hasName, nameInput, type TypedName } from '../../components/BilingualNameInputs';

interface Props {
  opened: boolean;
  onClose(): void;
  access: PeopleAccess;
  /** Edit this person; without one, invite a new person. */
  person?: PersonRowFragment | null;
}

/** How long an invitation's link works (the API's one-time link for invitations). */
const INVITATION_DAYS = 7;

const ALL_ROLES: Role[] = ['DELEGATE', 'BOARD_MEMBER', 'OBSERVER', 'SECRETARIAT', 'ADMIN'];
const FORMS_OF_ADDRESS: FormOfAddress[] = ['EXCELLENCY', 'OFFICE'];
/** The select's value for "not known" (null on the server). */
const UNKNOWN_FORM = 'unknown';

const formOfAddressOf = (value: string | null): FormOfAddress | null =>
  FORMS_OF_ADDRESS.find((form) => form === value) ?? null;

/** Invite a person (an e-mailed one-time link to set a password) or edit one (admins). */
export function PersonDialog({ opened, onClose, access, person }: Props) {
  const { t } = useTranslation();
  const title = person ? t('people.editTitle') : t('people.inviteTitle');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      size="lg"
    >
      {opened ? <PersonForm access={access} person={person ?? null} onDone={onClose} /> : null}
    </Modal>
  );
}

function PersonForm({
  access,
  person,
  onDone,
}: {
  access: PeopleAccess;
  person: PersonRowFragment | null;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const cities = useQuery(CitiesDocument, { skip: access.fixedCityId !== null });
  const [typedName, setTypedName] = useState<TypedName>({ ar: person?.name.ar ?? '', en: person?.name.en ?? '' });
  const [email, setEmail] = useState(person?.email ?? '');
  const [roles, setRoles] = useState<Role[]>(person?.roles ?? (access.fixedCityId ? ['DELEGATE'] : []));
  const [cityId, setCityId] = useState<string | null>(person?.memberCity?.id ?? access.fixedCityId);
  const [head, setHead] = useState(person?.isHeadOfDelegation ?? false);
  const [locale, setLocale] = useState<Lang>(person?.preferredLocale ?? lang);
  const [timeZone, setTimeZone] = useState<string | null>(person?.timeZone ?? null);
  const [formOfAddress, setFormOfAddress] = useState<FormOfAddress | null>(person?.formOfAddress ?? null);
  const [invite, inviting] = useMutation(InvitePersonDocument, { refetchQueries: ['People'] });
  const [update, updating] = useMutation(UpdatePersonDocument, { refetchQueries: ['People'] });
  const error = person ? updating.error : inviting.error;
  const field = errorField(error);
  const zones = useMemo(() => timeZoneChoices(lang), [lang]);
  const cityChoices = (cities.data?.memberCities ?? []).map((city) => ({
    value: city.id,
    label: pickText(city.name, lang)?.text ?? city.code,
  }));
  const givable = access.admin ? ALL_ROLES : access.invitableRoles;
  const ready = hasName(typedName) && email.trim() !== '' && roles.length > 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    const name = nameInput(typedName);
    try {
      if (person) {
        await update({
          variables: {
            id: person.id,
            input: {
              name,
              roles,
              memberCityId: cityId,
              isHeadOfDelegation: head,
              preferredLocale: locale,
              timeZone,
              formOfAddress,
            },
          },
        });
        showToast('green', 'people.saved');
      } else {
        await invite({
          variables: {
            input: {
              email: email.trim(),
              name,
              roles,
              memberCityId: cityId,
              isHeadOfDelegation: access.fixedCityId ? false : head,
              locale,
              ...(access.admin ? { formOfAddress } : {}),
            },
          },
        });
        showToast('green', 'people.invited', { email: email.trim() });
      }
      onDone();
    } catch {
      // The refusal shows in the form; nothing was changed.
    }
  }

  const fieldError = (name: string) => (error && field === name ? fieldMessage(error, t) : undefined);
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} besideFields={['email', 'name', 'roles', 'memberCityId']} />
        {person ? null : <Text size="sm">{t('people.inviteLead', { count: INVITATION_DAYS })}</Text>}
        <BilingualNameInputs
          value={typedName}
          onChange={setTypedName}
          labels={{ ar: t('people.nameAr'), en: t('people.nameEn') }}
          error={fieldError('name')}
        />
        <TextInput
          label={t('signIn.email')}
          type="email"
          dir="ltr"
          required
          disabled={person !== null}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldError('email')}
        />
        <Checkbox.Group
          label={t('people.roles')}
          value={roles}
          onChange={(value) => setRoles(value.filter((role): role is Role => ALL_ROLES.includes(role as Role)))}
          error={fieldError('roles')}
        >
          <Group gap="md" mt={6}>
            {givable.map((role) => (
              <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        {access.fixedCityId === null ? (
          <Select
            label={t('people.city')}
            data={cityChoices}
            value={cityId}
            onChange={setCityId}
            clearable
            searchable
            placeholder={t('people.noCity')}
            nothingFoundMessage={t('common.nothingFound')}
            error={fieldError('memberCityId')}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        {access.fixedCityId === null ? (
          <Checkbox
            label={t('roles.head')}
            checked={head}
            disabled={cityId === null}
            onChange={(event) => setHead(event.currentTarget.checked)}
          />
        ) : null}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="person-language">
            {t('people.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="person-language"
            value={locale}
            onChange={(value) => setLocale(isLang(value) ? value : 'ar')}
            data={[
              { value: 'ar', label: t('languages.ar') },
              { value: 'en', label: t('languages.en') },
            ]}
            w="fit-content"
          />
        </Stack>
        {access.admin ? (
          <Select
            label={t('formOfAddress.label')}
            description={t('formOfAddress.description')}
            data={[
              { value: UNKNOWN_FORM, label: t('formOfAddress.unknown') },
              ...FORMS_OF_ADDRESS.map((form) => ({ value: form, label: t(`formOfAddress.${form}`) })),
            ]}
            value={formOfAddress ?? UNKNOWN_FORM}
            onChange={(value) => setFormOfAddress(formOfAddressOf(value))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        {person ? (
          <Select
            label={t('people.timeZone')}
            data={zones}
            value={timeZone}
            onChange={setTimeZone}
            clearable
            searchable
            placeholder={t('people.timeZoneDefault')}
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={inviting.loading || updating.loading} disabled={!ready}>
            {person ? t('people.save') : t('people.sendInvitation')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
