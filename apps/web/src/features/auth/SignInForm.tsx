import { useMutation } from '@apollo/client/react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../lib/numbers';
import { LoginDocument } from './documents';
import { ErrorAlert } from '../../components/ErrorAlert';

export interface SignedIn {
  preferredLocale: Lang;
}

interface Props {
  /** Prefilled, e.g. the demo account chosen or the person whose session expired. */
  email?: string;
  password?: string;
  onSignedIn(user: SignedIn): Promise<void> | void;
}

export function SignInForm({ email: initialEmail = '', password: initialPassword = '', onSignedIn }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState(initialPassword);
  const [prefilled, setPrefilled] = useState({ email: initialEmail, password: initialPassword });
  const [login, { loading, error }] = useMutation(LoginDocument);

  // A demo account picked after the form appeared fills it in again.
  if (prefilled.email !== initialEmail || prefilled.password !== initialPassword) {
    setPrefilled({ email: initialEmail, password: initialPassword });
    setEmail(initialEmail);
    setPassword(initialPassword);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await login({ variables: { email: email.trim(), password } }).catch(() => null);
    const user = result?.data?.login.user;
    if (user) await onSignedIn({ preferredLocale: user.preferredLocale });
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <TextInput
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          dir="ltr"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <PasswordInput
          label={t('signIn.password')}
          autoComplete="current-password"
          dir="ltr"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <Button type="submit" loading={loading} disabled={email.trim() === '' || password === ''}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
