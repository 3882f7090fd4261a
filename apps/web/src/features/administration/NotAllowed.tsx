import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A page this person may not use: say so plainly, and the way home. */
export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" ta="center">
        <Title order={1} size="h2">
          {t('admin.notAllowedTitle')}
        </Title>
        <Text c="dimmed">{t('admin.notAllowedBody')}</Text>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}
