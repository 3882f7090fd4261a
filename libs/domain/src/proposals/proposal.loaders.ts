import type DataLoader from 'dataloader';
import { groupLoader, recordLoader } from '@majlis/persistence';
import type { ProposalEventType, ProposalState } from '@majlis/workflow';
import type { Actor } from '../identity';
import type { WorkflowTransition } from '../transitions';
import { canEditDraft, canSeeProposal, canSeeReview } from './proposal-access';
import type { ProposalRevision } from './proposal-revision.entity';
import type { ProposalWorkingCopy } from './proposal-working-copy.entity';
import type { Proposal } from './proposal.entity';
import type { ProposalRepository } from './proposal.repository';
import type { ReviewCommentRepository } from './review-comment.repository';
import type { ReviewComment } from './review-comment.entity';

/** One step of a proposal's workflow, as its history shows it. */
export interface ProposalHistoryEntry {
  id: string;
  fromState: ProposalState;
  toState: ProposalState;
  event: ProposalEventType;
  /** Null when the platform itself acted (a ballot's result). */
  actorId: string | null;
  /** The proposal's version after the step. */
  version: number;
  occurredAt: Date;
  /** The comment sent with the step; only the secretariat and the owning city read it. */
  comment: string | null;
}

const historyEntry = (step: WorkflowTransition, withComment: boolean): ProposalHistoryEntry => ({
  id: step.id,
  fromState: step.fromState as ProposalState,
  toState: step.toState as ProposalState,
  event: step.event as ProposalEventType,
  actorId: step.actorId,
  version: step.version,
  occurredAt: step.createdAt,
  comment: withComment && typeof step.payload.comment === 'string' ? step.payload.comment : null,
});

/**
 * Proposals and what hangs off them for one request, each batch in one query, seen as the requesting
 * actor may see them: another city's draft reads as absent, review threads only for those in the review.
 */
export class ProposalLoaders {
  private readonly proposals: DataLoader<string, Proposal | null>;
  private readonly amendments: DataLoader<string, Proposal[]>;
  private readonly revisions: DataLoader<string, ProposalRevision[]>;
  private readonly revisionsById: DataLoader<string, ProposalRevision | null>;
  private readonly comments: DataLoader<string, ReviewComment[]>;
  private readonly cosponsors: DataLoader<string, Array<{ proposalId: string; memberCityId: string }>>;
  private readonly workingCopies: DataLoader<string, ProposalWorkingCopy | null>;
  private readonly transitions: DataLoader<string, WorkflowTransition[]>;

  constructor(
    repository: ProposalRepository,
    reviewComments: ReviewCommentRepository,
    private readonly actor: () => Actor,
  ) {
    this.proposals = recordLoader(
      (ids) => repository.findByIds(ids),
      (proposal) => proposal.id,
    );
    this.amendments = groupLoader(
      (ids) => repository.amendmentsOf(ids),
      (proposal) => proposal.parentId ?? '',
    );
    this.revisions = groupLoader(
      (ids) => repository.revisionsOf(ids),
      (revision) => revision.proposalId,
    );
    this.revisionsById = recordLoader(
      (ids) => repository.revisionsByIds(ids),
      (revision) => revision.id,
    );
    this.comments = groupLoader(
      (ids) => reviewComments.ofProposals(ids),
      (comment) => comment.proposalId,
    );
    this.cosponsors = groupLoader(
      (ids) => repository.cosponsorsOf(ids),
      (pair) => pair.proposalId,
    );
    this.workingCopies = recordLoader(
      (ids) => repository.workingCopiesOf(ids),
      (copy) => copy.proposalId,
    );
    this.transitions = groupLoader(
      (ids) => repository.transitionsOf(ids),
      (step) => step.entityId,
    );
  }

  async proposal(id: string): Promise<Proposal | null> {
    const proposal = await this.proposals.load(id);
    return proposal !== null && canSeeProposal(this.actor(), proposal) ? proposal : null;
  }

  async amendmentsOf(proposal: Proposal): Promise<Proposal[]> {
    const actor = this.actor();
    return (await this.amendments.load(proposal.id)).filter((amendment) => canSeeProposal(actor, amendment));
  }

  revisionsOf(proposal: Proposal): Promise<ProposalRevision[]> {
    return this.revisions.load(proposal.id);
  }

  revision(id: string): Promise<ProposalRevision | null> {
    return this.revisionsById.load(id);
  }

  async reviewCommentsOf(proposal: Proposal): Promise<ReviewComment[]> {
    return canSeeReview(this.actor(), proposal) ? this.comments.load(proposal.id) : [];
  }

  async cosponsorIdsOf(proposal: Proposal): Promise<string[]> {
    return (await this.cosponsors.load(proposal.id)).map((pair) => pair.memberCityId);
  }

  /** The text autosave keeps, for the delegates who edit the proposal; null when none is kept. */
  async workingCopyOf(proposal: Proposal): Promise<ProposalWorkingCopy | null> {
    return canEditDraft(this.actor(), proposal) ? this.workingCopies.load(proposal.id) : null;
  }

  /** Its workflow steps, oldest first, to whoever sees the proposal; their comments to those in its review. */
  async historyOf(proposal: Proposal): Promise<ProposalHistoryEntry[]> {
    const actor = this.actor();
    if (!canSeeProposal(actor, proposal)) return [];
    const withComment = canSeeReview(actor, proposal);
    return (await this.transitions.load(proposal.id)).map((step) => historyEntry(step, withComment));
  }
}
