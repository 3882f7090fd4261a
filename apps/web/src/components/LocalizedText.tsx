import { Badge, Box, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { directionOf, type Lang } from '../lib/numbers';
import { pickText, type TextParts } from '../lib/localized';
import { usePreferences } from '../lib/preferences';

export type { TextParts };

interface Props {
  value: TextParts | null | undefined;
  /** Show this language's text (side by side); by default the person's language. */
  lang?: Lang;
  /** A paragraph (keeps the author's line breaks) rather than a run inside a sentence. */
  block?: boolean;
  /** Leave out the fallback label (a short title in a list, where a badge would crowd it). */
  quietFallback?: boolean;
}

/** Content from the API in its own language and direction, isolated from the text around it. */
export function LocalizedText({ value, lang, block = false, quietFallback = false }: Props) {
  const { t } = useTranslation();
  const { lang: uiLang } = usePreferences();
  if (value === null || value === undefined) return null;
  const picked = pickText(value, lang ?? uiLang);
  if (picked === null) return null;
  const label = picked.isFallback ? (
    <Badge variant="light" color="gray" size="sm" radius="sm" tt="none" fw={500}>
      {t(picked.lang === 'en' ? 'content.fallbackEnglish' : 'content.fallbackArabic')}
    </Badge>
  ) : null;
  if (block) {
    return (
      <Stack gap={4}>
        {label}
        <Box
          component="p"
          m={0}
          lang={picked.lang}
          dir={directionOf(picked.lang)}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', textAlign: 'start' }}
        >
          {picked.text}
        </Box>
      </Stack>
    );
  }
  return (
    <>
      <bdi lang={picked.lang} dir={directionOf(picked.lang)} style={{ overflowWrap: 'anywhere' }}>
        {picked.text}
      </bdi>
      {label !== null && !quietFallback ? <> {label}</> : null}
    </>
  );
}
