// The proposals feature's public file: other features and libs import it only through here.
export { canSeeProposal, canSeeReview, visibleProposalsCondition } from './proposal-access';
export { ProposalEvents, proposalSubject } from './proposal-events';
export { ProposalRevision } from './proposal-revision.entity';
export { Proposal, ProposalCategory } from './proposal.entity';
export { ProposalLoaders } from './proposal.loaders';
export type { ProposalHistoryEntry } from './proposal.loaders';
export { ProposalWorkingCopy } from './proposal-working-copy.entity';
export { ProposalOrder, ProposalRepository } from './proposal.repository';
export type { ProposalFilter } from './proposal.repository';
export { ProposalService } from './proposal.service';
export type {
  CreateProposalInput,
  FieldDiff,
  ProposalTextChanges,
  RevisionDiff,
  RevisionField,
  SaveProposalDraftInput,
  SaveProposalWorkingCopyInput,
  TransitionRequest,
} from './proposal.service';
export { ProposalsModule } from './proposals.module';
export { ReviewComment } from './review-comment.entity';
export { ReviewService } from './review.service';
export type { AddReviewCommentInput } from './review.service';
export { boundedWordDiff, DEFAULT_DIFF_STEPS, wordDiff } from './word-diff';
export type { DiffKind, DiffSegment } from './word-diff';
