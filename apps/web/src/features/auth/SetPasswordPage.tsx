import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateStamp } from '../../components/DateStamp';
import { LocalizedText } from '../../components/LocalizedText';
import { ErrorNotice, PageSkeleton } from '../../components/states';
import { errorCode, errorField, fieldMessage } from '../../lib/errors';
import { PasswordLinkDocument, SetPasswordDocument } from './documents';
import { NewPasswordFields } from './NewPasswordFields';
import { checkPassword, passwordAcceptable } from './password-rules';
import type { SignedIn } from './SignInForm';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  token: string;
  onSignedIn(user: SignedIn): Promise<void>;
}

const LINK_GONE = new Set(['NOT_FOUND', 'LINK_INVALID', 'LINK_EXPIRED', 'LINK_USED']);

/** An expired, used or unknown link: say so (the server's words say which) and offer a new one. */
function LinkGone({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl" px="md">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('setPassword.goneTitle')}
        </Title>
        <Alert color="orange" variant="light">
          {reason}
        </Alert>
        <Text>{t('setPassword.goneBody')}</Text>
        <Button component={Link} to="/forgot-password" w="fit-content">
          {t('setPassword.askNew')}
        </Button>
        <Button component={Link} to="/sign-in" variant="subtle" c="majlis.9" w="fit-content">
          {t('forgot.backToSignIn')}
        </Button>
      </Stack>
    </Container>
  );
}

/** The page an invitation or a reset e-mail links to: choose a password, and be signed in. */
export function SetPasswordPage({ token, onSignedIn }: Props) {
  const { t } = useTranslation();
  const {
    data,
    error: linkError,
    loading: linkLoading,
  } = useQuery(PasswordLinkDocument, {
    variables: { token },
    skip: token === '',
    fetchPolicy: 'network-only',
  });
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [save, { loading, error }] = useMutation(SetPasswordDocument);

  if (token === '') return <LinkGone reason={t('setPassword.noToken')} />;
  if (linkLoading && !data) return <PageSkeleton rows={2} />;
  const code = errorCode(linkError) ?? errorCode(error);
  if (code !== undefined && LINK_GONE.has(code)) {
    return <LinkGone reason={fieldMessage(linkError ?? error, t)} />;
  }
  const link = data?.passwordLink;
  if (!link) return <ErrorNotice error={linkError} />;
  const invitation = link.purpose === 'invitation';
  const ready = passwordAcceptable(checkPassword(password, confirmation, link.email));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    const result = await save({ variables: { token, password } }).catch(() => null);
    const user = result?.data?.setPassword.user;
    if (user) await onSignedIn({ preferredLocale: user.preferredLocale });
  }

  const field = errorField(error);
  return (
    <Container size="sm" py="xl" px="md">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {invitation ? t('setPassword.welcomeTitle') : t('setPassword.resetTitle')}
          </Title>
          <Text>
            {invitation ? t('setPassword.welcomeLead') : t('setPassword.resetLead')}{' '}
            <Text component="span" fw={600}>
              <LocalizedText value={link.name} quietFallback />
            </Text>{' '}
            (<bdi dir="ltr">{link.email}</bdi>)
          </Text>
          <Text size="sm" c="dimmed">
            {t('setPassword.expires')} <DateStamp value={link.expiresAt} withTime size="sm" />
          </Text>
        </Stack>
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="md">
              <ErrorAlert error={error} besideFields={['password']} />
              <NewPasswordFields
                email={link.email}
                password={password}
                confirmation={confirmation}
                onPassword={setPassword}
                onConfirmation={setConfirmation}
                error={error && field === 'password' ? fieldMessage(error, t) : null}
              />
              <Button type="submit" loading={loading} disabled={!ready}>
                {invitation ? t('setPassword.submitWelcome') : t('setPassword.submitReset')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Container>
  );
}
