import { Anchor, Fieldset, Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LocalizedText, type TextParts } from '../../components/LocalizedText';
import type { Lang } from '../../lib/numbers';
import { BilingualField } from './BilingualField';
import { DRAFT_FIELDS, type Draft } from './draft';

/** The three fields, each in Arabic and English, and the choice of the authoritative language. */
export function DraftFields({
  draft,
  readOnly,
  onChange,
}: {
  draft: Draft;
  readOnly: boolean;
  onChange(d: Draft): void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Radio.Group
        label={t('desk.editor.authoritative')}
        description={t('desk.editor.authoritativeHint')}
        value={draft.authoritative}
        onChange={(value) => {
          if (value === 'ar' || value === 'en') onChange({ ...draft, authoritative: value as Lang });
        }}
        readOnly={readOnly}
      >
        <Group gap="lg" mt={6}>
          <Radio value="ar" label={t('languages.ar')} disabled={readOnly} />
          <Radio value="en" label={t('languages.en')} disabled={readOnly} />
        </Group>
      </Radio.Group>
      {DRAFT_FIELDS.map((field) => (
        <Fieldset key={field} legend={t(`desk.editor.${field}.legend`)} radius="md">
          <BilingualField
            field={field}
            value={draft[field]}
            authoritative={draft.authoritative}
            readOnly={readOnly}
            onChange={(value) => onChange({ ...draft, [field]: value })}
          />
        </Fieldset>
      ))}
    </Stack>
  );
}

/** "An amendment to …": the proposal it amends and its city, with a link to it. */
export function AmendsLine({ parent }: { parent: { id: string; title: TextParts; ownerCity: { name: TextParts } } }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {t('desk.editor.amends')}{' '}
      <Anchor component={Link} to={`/proposals/${parent.id}`}>
        <LocalizedText value={parent.title} quietFallback />
      </Anchor>{' '}
      (<LocalizedText value={parent.ownerCity.name} quietFallback />)
    </Text>
  );
}
