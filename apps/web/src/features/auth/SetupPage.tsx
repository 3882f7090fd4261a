import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Container, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageSkeleton } from '../../components/states';
import { errorField, fieldMessage } from '../../lib/errors';
import { isLang, type Lang } from '../../lib/numbers';
import { CompleteSetupDocument, InstanceDocument } from './documents';
import { NewPasswordFields } from './NewPasswordFields';
import { checkPassword, passwordAcceptable } from './password-rules';
import type { SignedIn } from './SignInForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BilingualNameInputs, hasName, nameInput, type TypedName } from '../../components/BilingualNameInputs';

interface Props {
  token: string;
  onSignedIn(user: SignedIn): Promise<void>;
}

/** The first administrator of a fresh server, with the one-time token the server printed in its log. */
export function SetupPage({ token, onSignedIn }: Props) {
  const { t, i18n } = useTranslation();
  const { data, loading: instanceLoading } = useQuery(InstanceDocument);
  const [name, setName] = useState<TypedName>({ ar: '', en: '' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  // The language shown, until the person picks another for their account.
  const [chosenLocale, setLocale] = useState<Lang | null>(null);
  const locale: Lang = chosenLocale ?? (isLang(i18n.language) ? i18n.language : 'ar');
  const [complete, { loading, error }] = useMutation(CompleteSetupDocument);

  if (instanceLoading && !data) return <PageSkeleton rows={3} />;
  if (data && !data.instance.setupRequired) {
    return (
      <Container size="sm" py="xl" px="md">
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('setup.doneTitle')}
          </Title>
          <Text>{t('setup.doneBody')}</Text>
          <Button component={Link} to="/sign-in" w="fit-content">
            {t('setup.toSignIn')}
          </Button>
        </Stack>
      </Container>
    );
  }

  const ready =
    token !== '' &&
    email.trim() !== '' &&
    hasName(name) &&
    passwordAcceptable(checkPassword(password, confirmation, email));
  const field = errorField(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    const result = await complete({
      variables: {
        input: {
          token,
          email: email.trim(),
          password,
          locale,
          name: nameInput(name),
        },
      },
    }).catch(() => null);
    const user = result?.data?.completeSetup.user;
    if (user) await onSignedIn({ preferredLocale: user.preferredLocale });
  }

  return (
    <Container size="sm" py="xl" px="md">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('setup.title')}
          </Title>
          <Text c="dimmed">{t('setup.lead')}</Text>
        </Stack>
        {token === '' ? (
          <Alert color="red" variant="light" role="alert">
            {t('setup.noToken')}
          </Alert>
        ) : null}
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="md">
              <ErrorAlert error={error} besideFields={['password']} />
              <BilingualNameInputs
                value={name}
                onChange={setName}
                labels={{ ar: t('people.nameAr'), en: t('people.nameEn') }}
              />
              <Text size="xs" c="dimmed" mt={-8}>
                {t('people.nameHint')}
              </Text>
              <TextInput
                label={t('signIn.email')}
                type="email"
                autoComplete="username"
                dir="ltr"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="setup-language">
                  {t('people.language')}
                </Text>
                <SegmentedControl
                  aria-labelledby="setup-language"
                  value={locale}
                  onChange={(value) => setLocale(isLang(value) ? value : 'ar')}
                  data={[
                    { value: 'ar', label: t('languages.ar') },
                    { value: 'en', label: t('languages.en') },
                  ]}
                />
              </Stack>
              <NewPasswordFields
                email={email}
                password={password}
                confirmation={confirmation}
                onPassword={setPassword}
                onConfirmation={setConfirmation}
                error={error && field === 'password' ? fieldMessage(error, t) : null}
              />
              <Button type="submit" loading={loading} disabled={!ready}>
                {t('setup.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Container>
  );
}
