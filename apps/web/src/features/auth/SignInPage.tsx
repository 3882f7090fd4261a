import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Code,
  Button,
  Container,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LocalizedText } from '../../components/LocalizedText';
import { InstanceDocument } from './documents';
import { SignInForm, type SignedIn } from './SignInForm';

interface Props {
  onSignedIn(user: SignedIn): Promise<void>;
}

export function SignInPage({ onSignedIn }: Props) {
  const { t } = useTranslation();
  const { data } = useQuery(InstanceDocument);
  const [chosen, setChosen] = useState<string>('');
  const instance = data?.instance;
  const password = chosen !== '' ? (instance?.demoPassword ?? '') : '';

  return (
    <Container size="sm" py="xl" px="md">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('signIn.title')}
          </Title>
          <Text c="dimmed">{t('signIn.lead')}</Text>
        </Stack>
        {instance?.setupRequired ? (
          <Alert color="blue" variant="light" title={t('signIn.setupTitle')}>
            <Trans i18nKey="signIn.setupBody" components={{ c: <Code component="bdi" dir="ltr" /> }} />
          </Alert>
        ) : null}
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <SignInForm email={chosen} password={password} onSignedIn={onSignedIn} />
            <Anchor component={Link} to="/forgot-password" size="sm" c="majlis.9" w="fit-content">
              {t('signIn.forgot')}
            </Anchor>
          </Stack>
        </Paper>
        {instance?.demo ? (
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="demo-accounts">
            <Stack gap="sm">
              <Title order={2} size="h4" id="demo-accounts">
                {t('signIn.demoTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('signIn.demoLead')}{' '}
                {instance.demoPassword ? (
                  <Text component="bdi" ff="monospace" c="dark" dir="ltr">
                    {instance.demoPassword}
                  </Text>
                ) : null}
              </Text>
              <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {instance.demoAccounts.map((account) => (
                  <li key={account.email}>
                    <UnstyledButton
                      onClick={() => setChosen(account.email)}
                      aria-label={t('signIn.useAccount', { email: account.email })}
                      w="100%"
                      p="xs"
                      style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}
                    >
                      <Group justify="space-between" wrap="wrap" gap="xs">
                        <Stack gap={0} style={{ minWidth: 0 }}>
                          <Text fw={600} size="sm">
                            <LocalizedText value={account.name} quietFallback />
                            {account.memberCity ? (
                              <Text component="span" c="dimmed" size="sm">
                                {' · '}
                                <LocalizedText value={account.memberCity.name} quietFallback />
                              </Text>
                            ) : null}
                          </Text>
                          <Text size="xs" c="dimmed" dir="ltr" style={{ overflowWrap: 'anywhere', textAlign: 'start' }}>
                            <bdi>{account.email}</bdi>
                          </Text>
                        </Stack>
                        <Group gap={4}>
                          {account.roles.map((role) => (
                            <Badge key={role} variant="light" size="sm" tt="none">
                              {t(`roles.${role}`)}
                            </Badge>
                          ))}
                          {account.isHeadOfDelegation ? (
                            <Badge variant="outline" size="sm" tt="none">
                              {t('roles.head')}
                            </Badge>
                          ) : null}
                        </Group>
                      </Group>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
              {chosen !== '' ? (
                <Button variant="subtle" c="majlis.9" size="xs" onClick={() => setChosen('')} w="fit-content">
                  {t('signIn.clear')}
                </Button>
              ) : null}
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </Container>
  );
}
