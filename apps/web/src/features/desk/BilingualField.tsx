import { Badge, Group, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf, LANGS, type Lang } from '../../lib/numbers';
import { codePointLength, TEXT_LIMITS, type BilingualText, type DraftField } from './draft';

interface Props {
  field: DraftField;
  value: BilingualText;
  authoritative: Lang;
  readOnly?: boolean;
  onChange(value: BilingualText): void;
}

/** One language of a field: its own direction, the authoritative one marked, its length against the limit. */
function LanguageInput({
  field,
  lang,
  text,
  authoritative,
  readOnly,
  onText,
}: {
  field: DraftField;
  lang: Lang;
  text: string;
  authoritative: boolean;
  readOnly: boolean;
  onText(text: string): void;
}) {
  const { t } = useTranslation();
  const length = codePointLength(text);
  const max = TEXT_LIMITS[field];
  const over = length > max;
  const id = `desk-${field}-${lang}`;
  const label = (
    <Group gap={6} component="span" wrap="wrap">
      <span>{t(`desk.editor.${field}.${lang}`)}</span>
      {authoritative ? (
        <Badge component="span" size="sm" variant="light" color="majlis.9" tt="none">
          {t('desk.editor.authoritativeMark')}
        </Badge>
      ) : null}
    </Group>
  );
  const counter = (
    <Text component="span" size="xs" c={over ? 'red.9' : 'dimmed'} id={`${id}-count`}>
      {t('desk.editor.length', { length, max })}
    </Text>
  );
  const common = {
    id,
    label,
    lang,
    // The input in its language's direction; the label and the counter stay in the page's.
    inputContainer: (children: ReactNode) => <div dir={directionOf(lang)}>{children}</div>,
    value: text,
    readOnly,
    description: counter,
    error: over ? t('desk.editor.tooLong', { max, count: length - max }) : undefined,
    inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[],
    onChange: (event: { currentTarget: { value: string } }) => onText(event.currentTarget.value),
  };
  if (field === 'title') return <TextInput {...common} />;
  return <Textarea {...common} autosize minRows={field === 'body' ? 8 : 3} maxRows={field === 'body' ? 24 : 8} />;
}

/** A field in Arabic and English side by side (stacked on a phone), each in its own direction. */
export function BilingualField({ field, value, authoritative, readOnly = false, onChange }: Props) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      {LANGS.map((lang) => (
        <LanguageInput
          key={lang}
          field={field}
          lang={lang}
          text={value[lang]}
          authoritative={authoritative === lang}
          readOnly={readOnly}
          onText={(text) => onChange({ ...value, [lang]: text })}
        />
      ))}
    </SimpleGrid>
  );
}
