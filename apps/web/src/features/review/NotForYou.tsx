import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The review desk is the secretariat's: say so plainly, and the way home. */
export function NotForYou() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" ta="center">
        <Title order={1} size="h2">
          {t('meetingDesk.review.notAllowedTitle')}
        </Title>
        <Text c="dimmed">{t('meetingDesk.review.notAllowedBody')}</Text>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}
