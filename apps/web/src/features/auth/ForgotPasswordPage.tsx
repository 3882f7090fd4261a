import { useMutation } from '@apollo/client/react';
import { Alert, Button, Container, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequestPasswordResetDocument } from './documents';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [request, { loading, error, data }] = useMutation(RequestPasswordResetDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (email.trim() === '') return;
    await request({ variables: { email: email.trim() } }).catch(() => null);
  }

  return (
    <Container size="sm" py="xl" px="md">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('forgot.title')}
          </Title>
          <Text c="dimmed">{t('forgot.lead')}</Text>
        </Stack>
        <Paper withBorder p="lg" radius="md">
          {data?.requestPasswordReset ? (
            <Stack gap="md">
              <Alert color="green" variant="light" role="status">
                {t('forgot.sent', { email: email.trim() })}
              </Alert>
              <Button component={Link} to="/sign-in" w="fit-content">
                {t('forgot.backToSignIn')}
              </Button>
            </Stack>
          ) : (
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
                <Button type="submit" loading={loading} disabled={email.trim() === ''}>
                  {t('forgot.submit')}
                </Button>
                <Button component={Link} to="/sign-in" variant="subtle" c="majlis.9" w="fit-content">
                  {t('forgot.backToSignIn')}
                </Button>
              </Stack>
            </form>
          )}
        </Paper>
      </Stack>
    </Container>
  );
}
