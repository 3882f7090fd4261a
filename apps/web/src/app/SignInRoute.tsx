import { useApolloClient } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router';
import { SignInPage, type SignedIn } from '../features/auth';
import { MeDocument } from '../lib/documents';
import { safeNext } from '../lib/next-path';
import { restartLiveConnection, setSignedIn } from './apollo';
import { applyLanguage } from './i18n';
import { PublicShell } from './Shell';

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
