import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LocalizedText, type TextParts } from '../../components/LocalizedText';
import type { VoteChoice } from '../../gql/graphql';
import { useFormat } from '../../lib/preferences';

export const CHOICE_COLOR: Record<VoteChoice, string> = { YES: 'majlis.9', NO: 'red.9', ABSTAIN: 'gray.8' };

interface NamedVote {
  choice: VoteChoice;
  voterId: string;
  voter: { id: string; name: TextParts; memberCity?: { name: TextParts } | null };
}

interface Props {
  tally: { yes: number; no: number; abstain: number };
  votes: NamedVote[] | null | undefined;
}

/** The counts, and who voted how when the rules let them be shown. */
export function TallyCard({ tally, votes }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const counts: [VoteChoice, number][] = [
    ['YES', tally.yes],
    ['NO', tally.no],
    ['ABSTAIN', tally.abstain],
  ];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="tally-title">
      <Stack gap="sm">
        <Text id="tally-title" size="sm" fw={700} c="dimmed">
          {t('ballot.tallyTitle')}
        </Text>
        <SimpleGrid cols={3}>
          {counts.map(([choice, count]) => (
            <Stack key={choice} gap={0} align="center">
              <Text fw={700} size="xl">
                {format.number(count)}
              </Text>
              <Text size="sm">{t(`vote.choice.${choice}`)}</Text>
            </Stack>
          ))}
        </SimpleGrid>
        {votes && votes.length > 0 ? (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('ballot.namedVotes')}>
            {votes.map((vote) => (
              <Group key={vote.voterId} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <LocalizedText value={vote.voter.name} quietFallback />
                  {vote.voter.memberCity ? (
                    <Text component="span" size="sm" c="dimmed">
                      {' · '}
                      <LocalizedText value={vote.voter.memberCity.name} quietFallback />
                    </Text>
                  ) : null}
                </Text>
                <Badge color={CHOICE_COLOR[vote.choice]} variant="light" tt="none" style={{ flexShrink: 0 }}>
                  {t(`vote.choice.${vote.choice}`)}
                </Badge>
              </Group>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
