import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedText } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, PageSkeleton, PageTitle } from '../../components/states';
import type { PersonFilter, PersonRowFragment, Role } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { pickText } from '../../lib/localized';
import { usePreferences } from '../../lib/preferences';
import { useMe } from '../../lib/session';
import { peopleAccess, type PeopleAccess } from './access';
import { CitiesDocument, PeopleDocument, ResendInvitationDocument, SetPersonActiveDocument } from './documents';
import { NotAllowed } from './NotAllowed';
import { showRefusal, showToast } from '../../lib/toasts';
import { PersonDialog } from './PersonDialog';

const PAGE = 20;
const ROLES: Role[] = ['ADMIN', 'SECRETARIAT', 'BOARD_MEMBER', 'DELEGATE', 'OBSERVER'];

/** Deactivate or reactivate, after saying what it does: deactivation signs the person out everywhere. */
function ActiveDialog({ person, onClose }: { person: PersonRowFragment | null; onClose(): void }) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const [setActive, { loading, error, reset }] = useMutation(SetPersonActiveDocument, {
    refetchQueries: ['People'],
  });
  const deactivate = person?.active ?? false;
  const name = person ? (pickText(person.name, lang)?.text ?? person.email) : '';
  async function confirm() {
    if (!person) return;
    try {
      await setActive({ variables: { id: person.id, active: !person.active } });
      showToast('green', deactivate ? 'people.deactivated' : 'people.reactivated', { name });
      reset();
      onClose();
    } catch {
      // shown below
    }
  }
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={person !== null}
      onClose={() => {
        reset();
        onClose();
      }}
      title={deactivate ? t('people.deactivateTitle', { name }) : t('people.reactivateTitle', { name })}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{deactivate ? t('people.deactivateBody') : t('people.reactivateBody')}</Text>
        {error ? (
          <Text size="sm" c="red.9" role="alert">
            {errorMessage(error, t)}
          </Text>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={deactivate ? 'red.9' : undefined} loading={loading} onClick={() => void confirm()}>
            {deactivate ? t('people.deactivate') : t('people.reactivate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PersonCard({
  person,
  access,
  onEdit,
  onActive,
}: {
  person: PersonRowFragment;
  access: PeopleAccess;
  onEdit(): void;
  onActive(): void;
}) {
  const { t } = useTranslation();
  const [resend, { loading }] = useMutation(ResendInvitationDocument);
  async function resendInvitation() {
    try {
      await resend({ variables: { personId: person.id } });
      showToast('green', 'people.resent', { email: person.email });
    } catch (error) {
      showRefusal(error, t);
    }
  }
  return (
    <Paper withBorder radius="md" p="sm" component="li">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            <LocalizedText value={person.name} quietFallback />
          </Text>
          <Text size="sm" c="dimmed" dir="ltr" style={{ overflowWrap: 'anywhere', textAlign: 'start' }}>
            <bdi>{person.email}</bdi>
          </Text>
          {person.memberCity ? (
            <Text size="sm">
              <LocalizedText value={person.memberCity.name} quietFallback />
            </Text>
          ) : null}
          <Group gap={4} mt={4}>
            {person.roles.map((role) => (
              <Badge key={role} variant="light" size="sm" tt="none">
                {t(`roles.${role}`)}
              </Badge>
            ))}
            {person.isHeadOfDelegation ? (
              <Badge variant="outline" size="sm" tt="none">
                {t('roles.head')}
              </Badge>
            ) : null}
            {person.boardSeat?.isChair ? (
              <Badge variant="outline" size="sm" tt="none">
                {t('seats.chair')}
              </Badge>
            ) : null}
            {person.invitationPending ? (
              <Badge color="#9c3d0a" variant="filled" size="sm" tt="none">
                {t('people.pending')}
              </Badge>
            ) : null}
            {person.active ? null : (
              <Badge color="gray.8" variant="filled" size="sm" tt="none">
                {t('people.inactive')}
              </Badge>
            )}
          </Group>
        </Stack>
        <Group gap="xs" justify="flex-end">
          {person.invitationPending && person.active && access.invite ? (
            <Button size="xs" variant="default" loading={loading} onClick={() => void resendInvitation()}>
              {t('people.resend')}
            </Button>
          ) : null}
          {access.admin ? (
            <>
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('people.edit')}
              </Button>
              <Button size="xs" variant="default" c={person.active ? 'red.9' : undefined} onClick={onActive}>
                {person.active ? t('people.deactivate') : t('people.reactivate')}
              </Button>
            </>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}

interface Props {
  /** Everyone (admins, the secretariat) or the head of delegation's own city. */
  scope: 'all' | 'delegation';
}

/** The people of the partnership: find, invite, edit, deactivate; or a delegation's own people. */
export function PeoplePage({ scope }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { lang } = usePreferences();
  const access = peopleAccess(me, scope);
  const [cityId, setCityId] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [active, setActive] = useState<string>('all');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [cursors, setCursors] = useState<string[]>([]);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<PersonRowFragment | null>(null);
  const [toggling, setToggling] = useState<PersonRowFragment | null>(null);
  const delegation = scope === 'delegation';
  const cities = useQuery(CitiesDocument, { skip: delegation });

  const filter: PersonFilter = {
    memberCityId: delegation ? (me.memberCity?.id ?? null) : cityId,
    role: ROLES.find((r) => r === role) ?? null,
    active: active === 'all' ? null : active === 'active',
    search: debouncedSearch === '' ? null : debouncedSearch,
  };
  const after = cursors.at(-1) ?? null;
  const { data, error, loading } = useQuery(PeopleDocument, { variables: { filter, first: PAGE, after } });
  const changeFilter = (apply: () => void) => {
    apply();
    setCursors([]);
  };

  if ((scope === 'all' && !access.admin && !access.invite) || (delegation && me.memberCity === null)) {
    return <NotAllowed />;
  }
  const connection = data?.people;
  const from = cursors.length * PAGE + 1;
  const to = cursors.length * PAGE + (connection?.edges.length ?? 0);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <PageTitle>
            {delegation ? (
              <>
                {t('delegation.title')} <LocalizedText value={me.memberCity?.name} quietFallback />
              </>
            ) : (
              t('people.title')
            )}
          </PageTitle>
          <Text c="dimmed" size="sm">
            {delegation ? t('delegation.lead') : t('people.lead')}
          </Text>
        </Stack>
        {access.invite ? (
          <Button onClick={() => setInviting(true)}>{delegation ? t('delegation.invite') : t('people.invite')}</Button>
        ) : null}
      </Group>

      <Paper withBorder radius="md" p="sm" component="section" aria-label={t('people.filters')}>
        <Group gap="sm" align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput
            label={t('people.search')}
            placeholder={t('people.searchHint')}
            value={search}
            onChange={(event) => changeFilter(() => setSearch(event.currentTarget.value))}
            miw={180}
          />
          {delegation ? null : (
            <Select
              label={t('people.city')}
              data={(cities.data?.memberCities ?? []).map((city) => ({
                value: city.id,
                label: pickText(city.name, lang)?.text ?? city.code,
              }))}
              value={cityId}
              onChange={(value) => changeFilter(() => setCityId(value))}
              clearable
              searchable
              placeholder={t('people.anyCity')}
              nothingFoundMessage={t('common.nothingFound')}
              miw={160}
            />
          )}
          <Select
            label={t('people.role')}
            data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
            value={role}
            onChange={(value) => changeFilter(() => setRole(value))}
            clearable
            placeholder={t('people.anyRole')}
            miw={160}
          />
          <Select
            label={t('people.status')}
            data={[
              { value: 'all', label: t('people.statusAll') },
              { value: 'active', label: t('people.statusActive') },
              { value: 'inactive', label: t('people.statusInactive') },
            ]}
            value={active}
            onChange={(value) => changeFilter(() => setActive(value ?? 'all'))}
            allowDeselect={false}
            miw={140}
          />
        </Group>
      </Paper>

      {loading && !data ? <PageSkeleton rows={3} /> : null}
      {!data && error ? <ErrorNotice error={error} /> : null}
      {connection && connection.edges.length === 0 ? <EmptyState title={t('people.none')} /> : null}
      {connection && connection.edges.length > 0 ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" role="status">
            {t('people.range', { from, to, total: connection.totalCount })}
          </Text>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {connection.edges.map(({ node }) => (
              <PersonCard
                key={node.id}
                person={node}
                access={access}
                onEdit={() => setEditing(node)}
                onActive={() => setToggling(node)}
              />
            ))}
          </Stack>
          <Group gap="sm">
            {cursors.length > 0 ? (
              <Button variant="default" onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('people.previous')}
              </Button>
            ) : null}
            {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
              <Button variant="default" onClick={() => setCursors([...cursors, connection.pageInfo.endCursor ?? ''])}>
                {t('people.next')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}

      <PersonDialog opened={inviting} onClose={() => setInviting(false)} access={access} />
      <PersonDialog opened={editing !== null} onClose={() => setEditing(null)} access={access} person={editing} />
      <ActiveDialog person={toggling} onClose={() => setToggling(null)} />
    </Stack>
  );
}
