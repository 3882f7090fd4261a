import { useApolloClient } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router';
import { ForgotPasswordPage, SetPasswordPage, SetupPage, SignInPage, type SignedIn } from '../features/auth';
import { MeDocument } from '../lib/documents';
import { safeNext } from '../lib/next-path';
import { restartLiveConnection, setSignedIn } from './apollo';
import { applyLanguage } from './i18n';
import { PublicShell } from './Shell';

/** After any sign-in (the form, a set-password link, the setup page): the session, the language, then `to`. */
function useAfterSignIn(): (user: SignedIn, to: string) => Promise<void> {
  const client = useApolloClient();
  const navigate = useNavigate();
  return async (user, to) => {
    setSignedIn(true);
    restartLiveConnection();
    await applyLanguage(user.preferredLocale);
    await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
    await navigate(to, { replace: true });
  };
}

export function SignInRoute() {
  const [params] = useSearchParams();
  const afterSignIn = useAfterSignIn();
  return (
    <PublicShell>
      <SignInPage onSignedIn={(user) => afterSignIn(user, safeNext(params.get('next')))} />
    </PublicShell>
  );
}

export function SetupRoute() {
  const [params] = useSearchParams();
  const afterSignIn = useAfterSignIn();
  return (
    <PublicShell>
      <SetupPage token={params.get('token') ?? ''} onSignedIn={(user) => afterSignIn(user, '/')} />
    </PublicShell>
  );
}

export function SetPasswordRoute() {
  const [params] = useSearchParams();
  const afterSignIn = useAfterSignIn();
  return (
    <PublicShell>
      <SetPasswordPage token={params.get('token') ?? ''} onSignedIn={(user) => afterSignIn(user, '/')} />
    </PublicShell>
  );
}

export function ForgotPasswordRoute() {
  return (
    <PublicShell>
      <ForgotPasswordPage />
    </PublicShell>
  );
}
