import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, CopyButton, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { DateStamp } from '../../components/DateStamp';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LocalizedText } from '../../components/LocalizedText';
import { EmptyState, ErrorNotice, PageSkeleton, PageTitle } from '../../components/states';
import type { Locale, WebhookEndpointsQuery } from '../../gql/graphql';
import { errorField, fieldMessage } from '../../lib/errors';
import { pickText } from '../../lib/localized';
import { usePreferences } from '../../lib/preferences';
import { hasRole, useMe } from '../../lib/session';
import { showRefusal, showToast } from '../../lib/toasts';
import { CitiesDocument } from './documents';
import { NotAllowed } from './NotAllowed';
import {
  CreateWebhookEndpointDocument,
  RemoveWebhookEndpointDocument,
  WebhookEndpointsDocument,
} from './operations-documents';

type Endpoint = WebhookEndpointsQuery['webhookEndpoints'][number];

function AddEndpoint({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const { data: cities } = useQuery(CitiesDocument);
  const [url, setUrl] = useState('');
  const [city, setCity] = useState<string | null>(null);
  const [locale, setLocale] = useState<Locale>('ar' as Locale);
  const [secret, setSecret] = useState<string | null>(null);
  const [create, { loading, error }] = useMutation(CreateWebhookEndpointDocument, {
    // The answer carries the new endpoint: it joins the list already shown.
    update(cache, { data: made }) {
      if (!made) return;
      cache.updateQuery({ query: WebhookEndpointsDocument }, (shown) =>
        shown ? { webhookEndpoints: [...shown.webhookEndpoints, made.createWebhookEndpoint.endpoint] } : shown,
      );
    },
  });
  const field = errorField(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const result = await create({ variables: { input: { url: url.trim(), memberCityId: city, locale } } });
      setSecret(result.data?.createWebhookEndpoint.secret ?? null);
    } catch {
      // Shown in the form.
    }
  }

  if (secret !== null)
    return (
      <Stack gap="md">
        <Text size="sm">{t('operations.webhooks.secretLead')}</Text>
        <TextInput
          label={t('operations.webhooks.secret')}
          value={secret}
          readOnly
          dir="ltr"
          styles={{ input: { fontFamily: 'monospace' } }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Group justify="space-between" gap="sm">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'light' : 'default'} onClick={copy}>
                {copied ? t('operations.webhooks.copied') : t('operations.webhooks.copySecret')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onDone}>{t('operations.webhooks.done')}</Button>
        </Group>
      </Stack>
    );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} besideFields={['url', 'memberCityId']} />
        <TextInput
          label={t('operations.webhooks.url')}
          description={t('operations.webhooks.urlHint')}
          dir="ltr"
          type="url"
          required
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          error={error && field === 'url' ? fieldMessage(error, t) : undefined}
        />
        <Select
          label={t('operations.webhooks.city')}
          description={t('operations.webhooks.cityHint')}
          placeholder={t('operations.webhooks.allEvents')}
          data={(cities?.memberCities ?? []).map((row) => ({
            value: row.id,
            label: pickText(row.name, lang)?.text ?? row.code,
          }))}
          value={city}
          onChange={setCity}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          error={error && field === 'memberCityId' ? fieldMessage(error, t) : undefined}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('operations.webhooks.language')}
          data={[
            { value: 'ar', label: t('languages.ar') },
            { value: 'en', label: t('languages.en') },
          ]}
          value={locale}
          onChange={(value) => setLocale((value ?? 'ar') as Locale)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading} disabled={url.trim() === ''}>
            {t('operations.webhooks.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EndpointRow({ endpoint, cityName }: { endpoint: Endpoint; cityName: React.ReactNode }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [remove, { loading }] = useMutation(RemoveWebhookEndpointDocument);
  async function stop() {
    try {
      await remove({ variables: { id: endpoint.id } });
      setAsking(false);
      showToast('green', 'operations.webhooks.removed');
    } catch (error) {
      showRefusal(error, t);
    }
  }
  return (
    <Paper withBorder radius="md" p="sm" component="li">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere', fontFamily: 'monospace' }}>
            <bdi dir="ltr">{endpoint.url}</bdi>
          </Text>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color={endpoint.active ? 'green.9' : 'gray.8'}>
              {endpoint.active ? t('operations.webhooks.active') : t('operations.webhooks.stopped')}
            </Badge>
            <Text size="sm">{cityName}</Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('operations.webhooks.language')}: {t(`languages.${endpoint.locale}`)}
            {' · '}
            <Trans
              i18nKey="operations.webhooks.since"
              components={[<DateStamp value={endpoint.createdAt} size="xs" />]}
            />
          </Text>
        </Stack>
        {endpoint.active ? (
          <Button variant="outline" color="red.9" onClick={() => setAsking(true)}>
            {t('operations.webhooks.remove')}
          </Button>
        ) : null}
      </Group>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('operations.webhooks.removeTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('operations.webhooks.removeBody', { url: endpoint.url })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={loading} onClick={() => void stop()}>
              {t('operations.webhooks.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** Webhook endpoints (admins and the secretariat): list, add (the secret shown once), stop calling. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = hasRole(me, 'ADMIN', 'SECRETARIAT');
  const { data, error, loading } = useQuery(WebhookEndpointsDocument, { skip: !allowed });
  const { data: cities } = useQuery(CitiesDocument, { skip: !allowed });
  const [adding, setAdding] = useState(false);
  if (!allowed) return <NotAllowed />;
  const endpoints = data?.webhookEndpoints ?? [];
  const cityName = (id: string | null | undefined) => {
    const city = id ? cities?.memberCities.find((row) => row.id === id) : undefined;
    return city ? <LocalizedText value={city.name} quietFallback /> : t('operations.webhooks.allEvents');
  };
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 20rem' }}>
          <PageTitle>{t('operations.webhooks.title')}</PageTitle>
          <Text c="dimmed" size="sm">
            {t('operations.webhooks.lead')}
          </Text>
        </Stack>
        <Button onClick={() => setAdding(true)}>{t('operations.webhooks.add')}</Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('operations.webhooks.noEdit')}
      </Text>
      {loading && !data ? <PageSkeleton rows={2} /> : null}
      {!data && error ? <ErrorNotice error={error} /> : null}
      {data && endpoints.length === 0 ? <EmptyState title={t('operations.webhooks.none')} /> : null}
      {endpoints.length > 0 ? (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {[...endpoints]
            .sort((a, b) => Number(b.active) - Number(a.active))
            .map((endpoint) => (
              <EndpointRow key={endpoint.id} endpoint={endpoint} cityName={cityName(endpoint.memberCityId)} />
            ))}
        </Stack>
      ) : null}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('operations.webhooks.addTitle')}
        centered
      >
        {adding ? <AddEndpoint onDone={() => setAdding(false)} /> : null}
      </Modal>
    </Stack>
  );
}
