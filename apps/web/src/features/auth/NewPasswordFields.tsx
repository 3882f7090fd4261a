import { List, PasswordInput, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkPassword, MIN_PASSWORD_LENGTH } from './password-rules';

interface Props {
  email: string;
  password: string;
  confirmation: string;
  onPassword(value: string): void;
  onConfirmation(value: string): void;
  /** The server's refusal, shown under the password. */
  error?: string | null;
}

function Rule({ met, children }: { met: boolean; children: string }) {
  const { t } = useTranslation();
  return (
    <List.Item c={met ? 'green.9' : 'gray.8'}>
      <span aria-hidden="true">{met ? '✓ ' : '○ '}</span>
      {children}
      <VisuallyHidden> ({met ? t('password.met') : t('password.notMet')})</VisuallyHidden>
    </List.Item>
  );
}

/** A new password twice, with the rules the server applies shown (and ticked) before it would refuse. */
export function NewPasswordFields({ email, password, confirmation, onPassword, onConfirmation, error }: Props) {
  const { t } = useTranslation();
  const check = checkPassword(password, confirmation, email);
  return (
    <Stack gap="sm">
      <PasswordInput
        label={t('password.new')}
        autoComplete="new-password"
        dir="ltr"
        required
        value={password}
        onChange={(event) => onPassword(event.currentTarget.value)}
        error={error ?? undefined}
        aria-describedby="password-rules"
      />
      <Stack gap={2} id="password-rules">
        <Text size="sm" fw={600}>
          {t('password.rulesTitle')}
        </Text>
        <List size="sm" listStyleType="none" spacing={2}>
          <Rule met={check.longEnough}>{t('password.ruleLength', { count: MIN_PASSWORD_LENGTH })}</Rule>
          <Rule met={check.notEmail}>{t('password.ruleNotEmail')}</Rule>
          <Rule met={check.matches}>{t('password.ruleMatch')}</Rule>
        </List>
      </Stack>
      <PasswordInput
        label={t('password.confirm')}
        autoComplete="new-password"
        dir="ltr"
        required
        value={confirmation}
        onChange={(event) => onConfirmation(event.currentTarget.value)}
      />
    </Stack>
  );
}
