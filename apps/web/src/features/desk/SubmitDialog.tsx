import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LocalizedText, type TextParts } from '../../components/LocalizedText';
import { codePointLength, DRAFT_FIELDS, type Draft } from './draft';

interface Props {
  opened: boolean;
  draft: Draft;
  /** The number the frozen revision will have. */
  revision: number;
  cosponsors: { id: string; name: TextParts }[];
  /** Co-sponsors can no longer change after the first submission. */
  firstSubmission: boolean;
  submitting: boolean;
  error: unknown;
  onClose(): void;
  onSubmit(): void;
}

/** Before submitting: what will be frozen, in words, and a last chance to go back. */
export function SubmitDialog({
  opened,
  draft,
  revision,
  cosponsors,
  firstSubmission,
  submitting,
  error,
  onClose,
  onSubmit,
}: Props) {
  const { t } = useTranslation();
  const lang = draft.authoritative;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('desk.submit.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('desk.submit.lead', { number: revision })}</Text>
        <List size="sm" spacing={4}>
          {DRAFT_FIELDS.map((field) => (
            <List.Item key={field}>
              {t(`desk.submit.field.${field}`)}{' '}
              {(['ar', 'en'] as const)
                .map((language) =>
                  draft[field][language].trim() === ''
                    ? t(`desk.submit.missing.${language}`)
                    : t(`desk.submit.present.${language}`, { count: codePointLength(draft[field][language]) }),
                )
                .join(t('common.listSeparator'))}
            </List.Item>
          ))}
          <List.Item>{t('desk.submit.authoritative', { language: t(`languages.${lang}`) })}</List.Item>
          {firstSubmission ? (
            <List.Item>
              {t('desk.submit.cosponsors')}{' '}
              {cosponsors.length === 0
                ? t('desk.submit.noCosponsors')
                : cosponsors.map((city, index) => (
                    <span key={city.id}>
                      {index > 0 ? t('common.listSeparator') : null}
                      <LocalizedText value={city.name} quietFallback />
                    </span>
                  ))}
            </List.Item>
          ) : null}
        </List>
        <Text size="sm" fw={600}>
          {t('desk.submit.after')}
        </Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onSubmit} loading={submitting}>
            {t('desk.submit.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
