import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ProposalCategory } from '@majlis/domain';
import type { ProposalState as ProposalStateValue } from '@majlis/workflow';
import { LocalizedTextInputModel } from '../graphql/localized-string.model';
import { ProposalState } from './proposal.model';

@InputType('RevisionContentInput')
export class RevisionContentInputModel {
  @Field(() => LocalizedTextInputModel)
  title!: LocalizedTextInputModel;

  @Field(() => LocalizedTextInputModel, {
    nullable: true,
    description: "Absent keeps the last revision's; null clears.",
  })
  summary?: LocalizedTextInputModel | null;

  @Field(() => LocalizedTextInputModel, {
    nullable: true,
    description: "Absent keeps the last revision's; null clears.",
  })
  body?: LocalizedTextInputModel | null;
}

@InputType('CreateProposalInput', { description: 'A new proposal of your city, with its first revision.' })
export class CreateProposalInputModel extends RevisionContentInputModel {
  @Field(() => ProposalCategory)
  category!: ProposalCategory;

  @Field(() => ID, { nullable: true, description: 'The meeting it is meant for.' })
  meetingId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The proposal this one amends.' })
  parentId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Other member cities that co-sponsor it (at most 20).' })
  cosponsorCityIds?: string[] | null;
}

const CHANGE =
  'Absent keeps the text; within it, a language absent keeps its text, null or blank clears it (null clears the whole field).';

/** Only what changed: the fields and languages not given keep their text. */
@InputType({ isAbstract: true })
class ProposalTextChangesModel {
  @Field(() => LocalizedTextInputModel, {
    nullable: true,
    description:
      'Absent keeps the title; within it, a language absent keeps its text, null or blank clears it (one must remain).',
  })
  title?: LocalizedTextInputModel | null;

  @Field(() => LocalizedTextInputModel, { nullable: true, description: CHANGE })
  summary?: LocalizedTextInputModel | null;

  @Field(() => LocalizedTextInputModel, { nullable: true, description: CHANGE })
  body?: LocalizedTextInputModel | null;
}

@InputType('SaveProposalDraftInput', {
  description: 'The next revision of a draft: the working copy (or the latest revision) with these changes.',
})
export class SaveProposalDraftInputModel extends ProposalTextChangesModel {
  @Field(() => Int, { nullable: true, description: 'The version you edited; refused if someone saved since.' })
  expectedVersion?: number | null;
}

@InputType('SaveProposalWorkingCopyInput', {
  description: "Autosave: these changes to the draft's working copy, without making a revision.",
})
export class SaveProposalWorkingCopyInputModel extends ProposalTextChangesModel {
  @Field(() => Int, { description: 'The version you edited; refused (VERSION_CONFLICT) if someone saved since.' })
  expectedVersion!: number;
}

@InputType('ProposalFilter')
export class ProposalFilterModel {
  @Field(() => [ProposalState], { nullable: true })
  states?: ProposalStateValue[] | null;

  @Field(() => ID, { nullable: true, description: 'The owning city.' })
  ownerCityId?: string | null;

  @Field(() => ProposalCategory, { nullable: true })
  category?: ProposalCategory | null;

  @Field(() => ID, { nullable: true })
  meetingId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Amendments of this proposal.' })
  parentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words in the title or summary, in Arabic or English; hamza forms and diacritics do not matter.',
  })
  search?: string | null;
}

@InputType('AddReviewCommentInput')
export class AddReviewCommentInputModel {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => LocalizedTextInputModel)
  body!: LocalizedTextInputModel;

  @Field(() => ID, { nullable: true, description: 'The comment this one answers; delegates may only answer.' })
  parentId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The revision commented on; the latest when absent.' })
  revisionNumber?: number | null;
}
