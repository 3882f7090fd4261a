import { useApolloClient } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router';
import { SignInPage, type SignedIn } from '../features/auth';
import { MeDocument } from '../lib/documents';
import { restartLiveConnection, setSignedIn } from './apollo';
import { applyLanguage } from './i18n';
import { PublicShell } from './Shell';

/** Only paths of this app are followed after sign-in, never another site. */
export function safeNext(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInRoute() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  async function onSignedIn(user: SignedIn) {
    setSignedIn(true);
    restartLiveConnection();
    await applyLanguage(user.preferredLocale);
    await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
    await navigate(safeNext(params.get('next')), { replace: true });
  }

  return (
    <PublicShell>
      <SignInPage onSignedIn={onSignedIn} />
    </PublicShell>
  );
}
