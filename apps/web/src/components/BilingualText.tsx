import { Divider, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../lib/numbers';
import { usePreferences } from '../lib/preferences';
import { pickText, type TextParts } from '../lib/localized';
import { LocalizedText } from './LocalizedText';

interface Props {
  title: TextParts;
  summary?: TextParts | null;
  body?: TextParts | null;
}

type View = Lang | 'both';

function Column({ lang, title, summary, body, labelled }: Props & { lang: Lang; labelled: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" style={{ minWidth: 0 }}>
      {labelled ? (
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {t(`languages.${lang}`)}
        </Text>
      ) : null}
      <Title order={3} size="h4">
        <LocalizedText value={title} lang={lang} />
      </Title>
      {summary && pickText(summary, lang) ? (
        <Text fw={500} component="div">
          <LocalizedText value={summary} lang={lang} block />
        </Text>
      ) : null}
      {body && pickText(body, lang) ? (
        <>
          <Divider />
          <Text component="div">
            <LocalizedText value={body} lang={lang} block />
          </Text>
        </>
      ) : null}
    </Stack>
  );
}

/** A proposal's text in Arabic and English, one at a time or side by side. */
export function BilingualText(props: Props) {
  const { t } = useTranslation();
  const { lang } = usePreferences();
  const [view, setView] = useState<View>(lang);
  return (
    <Stack gap="md">
      <SegmentedControl
        value={view}
        onChange={(value) => setView(value as View)}
        aria-label={t('text.view')}
        data={[
          { value: 'ar', label: t('languages.ar') },
          { value: 'en', label: t('languages.en') },
          { value: 'both', label: t('text.sideBySide') },
        ]}
        fullWidth
        size="sm"
      />
      {view === 'both' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Column {...props} lang="ar" labelled />
          <Column {...props} lang="en" labelled />
        </SimpleGrid>
      ) : (
        <Column {...props} lang={view} labelled={false} />
      )}
    </Stack>
  );
}
