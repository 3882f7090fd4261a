export interface BallotRulesParts {
  quorum: number;
  majority: 'SIMPLE' | 'ABSOLUTE' | 'TWO_THIRDS' | 'UNANIMOUS';
  abstentionsCountAsCast: boolean;
  tieBreak: 'CHAIR' | 'NONE';
  secret: boolean;
}

/** One sentence of the rules: an i18n key under `rules.` and the numbers it names. */
export interface RuleSentence {
  key: string;
  values: Record<string, number>;
}

// Same rounding as the count (libs/workflow vote-count.ts): 0.1 × 30 must not round up past 3.
export function requiredForQuorum(quorum: number, eligible: number): number {
  return Math.max(0, Math.ceil(quorum * eligible - 1e-9));
}

/** The ballot's rules as a person reads them: quorum, majority, abstentions, tie, named or secret. */
export function rulesInWords(rules: BallotRulesParts, eligible: number): RuleSentence[] {
  const sentences: RuleSentence[] = [];
  sentences.push(
    rules.quorum === 0
      ? { key: 'rules.quorumNone', values: {} }
      : {
          key: 'rules.quorum',
          values: { required: requiredForQuorum(rules.quorum, eligible), eligible, share: rules.quorum },
        },
  );
  switch (rules.majority) {
    case 'SIMPLE':
      sentences.push({ key: 'rules.majoritySimple', values: {} });
      sentences.push({ key: 'rules.abstentionsNeutral', values: {} });
      sentences.push(
        rules.tieBreak === 'CHAIR' ? { key: 'rules.tieChair', values: {} } : { key: 'rules.tieFails', values: {} },
      );
      break;
    case 'ABSOLUTE':
      sentences.push({ key: 'rules.majorityAbsolute', values: { required: Math.floor(eligible / 2) + 1, eligible } });
      sentences.push({ key: 'rules.abstentionsAgainstAbsolute', values: {} });
      break;
    case 'TWO_THIRDS':
      sentences.push({ key: 'rules.majorityTwoThirds', values: {} });
      sentences.push({
        key: rules.abstentionsCountAsCast ? 'rules.abstentionsCounted' : 'rules.abstentionsNotCounted',
        values: {},
      });
      break;
    case 'UNANIMOUS':
      sentences.push({ key: 'rules.majorityUnanimous', values: {} });
      sentences.push({
        key: rules.abstentionsCountAsCast ? 'rules.abstentionBlocks' : 'rules.abstentionDoesNotBlock',
        values: {},
      });
      break;
  }
  sentences.push({ key: rules.secret ? 'rules.secret' : 'rules.named', values: {} });
  return sentences;
}
