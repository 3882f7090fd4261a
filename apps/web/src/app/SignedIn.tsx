import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useLayoutEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { SignInForm } from '../features/auth';
import { ErrorNotice, PageSkeleton } from '../components/states';
import { browserTimeZone } from '../lib/dates';
import { MeDocument } from '../lib/documents';
import { isUnauthenticated } from '../lib/errors';
import { PreferencesContext, type Preferences } from '../lib/preferences';
import { SessionContext, type Me } from '../lib/session';
import { sessionExpired, useSignal } from '../lib/signal';
import { restartLiveConnection, setSignedIn } from './apollo';
import { applyDigits, applyLanguage, currentLanguage } from './i18n';
import { SignedInShell } from './Shell';

/** The session ran out mid-page: sign in again over the page, so nothing on it is lost. */
function SessionExpiredDialog({ me }: { me: Me }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const expired = useSignal(sessionExpired);
  return (
    <Modal
      opened={expired}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('session.expiredTitle')}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{t('session.expiredBody')}</Text>
        <SignInForm
          email={me.email}
          onSignedIn={async () => {
            setSignedIn(true);
            restartLiveConnection();
            await client.refetchQueries({ include: 'active' });
          }}
        />
        <Button variant="subtle" c="majlis.9" onClick={() => window.location.assign('/sign-in')}>
          {t('session.otherAccount')}
        </Button>
      </Stack>
    </Modal>
  );
}

function SignedInFrame({ me }: { me: Me }) {
  useEffect(() => {
    setSignedIn(true);
    if (me.preferredLocale !== currentLanguage()) void applyLanguage(me.preferredLocale);
  }, [me.preferredLocale]);
  // Before paint: every message writes its numbers in the digits this person chose.
  useLayoutEffect(() => applyDigits(me.digits), [me.digits]);
  const preferences = useMemo<Preferences>(
    () => ({ lang: me.preferredLocale, digits: me.digits, timeZone: me.timeZone ?? browserTimeZone() }),
    [me.preferredLocale, me.digits, me.timeZone],
  );
  return (
    <SessionContext.Provider value={me}>
      <PreferencesContext.Provider value={preferences}>
        <SignedInShell me={me}>
          <Outlet />
        </SignedInShell>
        <SessionExpiredDialog me={me} />
      </PreferencesContext.Provider>
    </SessionContext.Provider>
  );
}

/** Pages for signed-in people: who is signed in, else the sign-in page and back here afterwards. */
export function SignedIn() {
  const location = useLocation();
  const { data, previousData, error } = useQuery(MeDocument);
  const expired = useSignal(sessionExpired);
  // Expired mid-page: keep the page (and what was typed on it) under the sign-in dialog.
  const me = data?.me ?? (expired ? previousData?.me : undefined);
  if (me) return <SignedInFrame me={me} />;
  if (isUnauthenticated(error)) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <Stack p="md" maw={960} mx="auto">
      {error ? <ErrorNotice error={error} /> : <PageSkeleton />}
    </Stack>
  );
}
