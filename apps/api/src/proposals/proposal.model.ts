import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import {
  DiffKind as DiffKindValue,
  ProposalCategory,
  ProposalOrder,
  RevisionField as RevisionFieldValue,
} from '@majlis/domain';
import { PROPOSAL_STATES, type ProposalState as ProposalStateValue } from '@majlis/workflow';
import { ConnectionOf } from '../graphql/connection.model';
import { enumOf } from '../graphql/enum-of';
import { Locale } from '../graphql/localized-string.model';
import { ProposalEvent } from '../workflows/workflow.model';

registerEnumType(ProposalCategory, {
  name: 'ProposalCategory',
  description: 'Strategic plan, programme, governance or other.',
});
registerEnumType(ProposalOrder, {
  name: 'ProposalOrder',
  description:
    'CREATED_AT_DESC: newest first; CREATED_AT_ASC: oldest first; SUBMITTED_AT_ASC: first submitted first, never-submitted last; UPDATED_AT_DESC: last changed first.',
});
export const ProposalState = enumOf(
  PROPOSAL_STATES,
  'ProposalState',
  "Where a proposal stands in the proposal's workflow.",
);
const RevisionField = enumOf<RevisionFieldValue>(
  ['title', 'summary', 'body'],
  'RevisionField',
  'A text field of a revision.',
);
const DiffKind = enumOf<DiffKindValue>(['equal', 'insert', 'delete'], 'DiffKind', 'Kept, added or removed text.');

@ObjectType('Proposal', { description: 'A proposal of a member city; amendments point at the proposal they amend.' })
export class ProposalModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ProposalCategory)
  category!: ProposalCategory;

  @Field(() => ProposalState)
  state!: ProposalStateValue;

  @Field(() => Int, {
    description:
      'Raised by every change of its text (revisions and autosaves) or state; pass it back as expectedVersion.',
  })
  version!: number;

  @Field(() => Int)
  revisionCount!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      'When it was first submitted; null while it never was (then only its city and the secretariat see it).',
  })
  submittedAt!: Date | null;
}

@ObjectType('ProposalRevision', { description: "One saved version of a proposal's text." })
export class ProposalRevisionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field({ description: 'When it was saved.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a submission froze it.' })
  frozenAt!: Date | null;
}

@ObjectType('DiffSegment')
export class DiffSegmentModel {
  @Field(() => DiffKind)
  kind!: DiffKindValue;

  @Field()
  text!: string;
}

@ObjectType('FieldDiff', { description: 'What changed in one field, in one language, word by word.' })
export class FieldDiffModel {
  @Field(() => RevisionField)
  field!: RevisionFieldValue;

  @Field(() => Locale)
  language!: LocaleCode;

  @Field(() => [DiffSegmentModel])
  segments!: DiffSegmentModel[];

  @Field({
    description:
      'True when word by word would have taken too long for these texts: whole lines (paragraphs) are compared instead, or, past that too, the whole text is shown replaced.',
  })
  coarse!: boolean;
}

@ObjectType('RevisionDiff')
export class RevisionDiffModel {
  @Field(() => ProposalRevisionModel)
  from!: ProposalRevisionModel;

  @Field(() => ProposalRevisionModel)
  to!: ProposalRevisionModel;

  @Field(() => [FieldDiffModel], {
    description: 'Fields with text in either revision; unchanged ones are one equal segment.',
  })
  fields!: FieldDiffModel[];

  @Field({ description: 'True when any field was compared coarsely (see FieldDiff.coarse).' })
  coarse!: boolean;
}

@ObjectType('ReviewComment', { description: "A comment in the secretariat's review; replies name their parent." })
export class ReviewCommentModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The comment this one answers.' })
  parentId!: string | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('ProposalWorkingCopy', {
  description:
    "The text a draft's delegation is writing, as autosave last kept it; saving a revision or submitting makes it a revision.",
})
export class ProposalWorkingCopyModel {
  @Field(() => Int, { description: 'The number of the revision it was started from.' })
  baseRevision!: number;

  @Field({ description: 'When it was last saved.' })
  savedAt!: Date;
}

@ObjectType('ProposalHistoryEntry', { description: "One step of a proposal's workflow." })
export class ProposalHistoryEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ProposalState)
  fromState!: ProposalStateValue;

  @Field(() => ProposalState)
  toState!: ProposalStateValue;

  @Field(() => ProposalEvent)
  event!: string;

  @Field(() => Int, { description: "The proposal's version after the step." })
  version!: number;

  @Field()
  occurredAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'The comment sent with the step (why changes were requested, why it was withdrawn); only the secretariat and the owning city read it.',
  })
  comment!: string | null;
}

export const ProposalConnection = ConnectionOf(ProposalModel, 'Proposal');
