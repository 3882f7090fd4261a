import { List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LocalizedText, type TextParts } from '../../components/LocalizedText';
import { useFormat } from '../../lib/preferences';
import { rulesInWords, type BallotRulesParts } from './rules-in-words';

interface Props {
  rules: BallotRulesParts;
  eligible: number;
  chair: { name: TextParts } | null | undefined;
}

/** The rules in plain words: quorum, majority, abstentions, casting vote, named or secret. */
export function RulesCard({ rules, eligible, chair }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rules-title">
      <Stack gap="xs">
        <Text id="rules-title" size="sm" fw={700} c="dimmed">
          {t('rules.title')}
        </Text>
        <List spacing={6} size="sm">
          {rulesInWords(rules, eligible).map((sentence) => {
            // Counts go in as numbers (written in the reader's digits by t()); the share as a percentage.
            const values = Object.fromEntries(
              Object.entries(sentence.values).map(([name, value]) => [
                name,
                name === 'share' ? format.percent(value) : value,
              ]),
            );
            return (
              <List.Item key={sentence.key}>
                {t(sentence.key, values)}
                {sentence.key === 'rules.tieChair' && chair ? (
                  <>
                    {' '}
                    {t('rules.chairIs')} <LocalizedText value={chair.name} quietFallback />
                  </>
                ) : null}
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Paper>
  );
}
