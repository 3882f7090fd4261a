import { Injectable } from '@nestjs/common';
import { badInput, forbidden, LocalizedTextInput, notFound, requiredText } from '@majlis/language';
import { UnitOfWork } from '@majlis/persistence';
import { LiveUpdates } from '@majlis/live';
import { Actor, requireRole, Role } from '../identity';
import { canEditDraft, canSeeProposal, isSecretariat } from './proposal-access';
import { ProposalRepository } from './proposal.repository';
import type { ReviewComment } from './review-comment.entity';
import { ReviewCommentRepository } from './review-comment.repository';

export interface AddReviewCommentInput {
  proposalId: string;
  body: LocalizedTextInput;
  /** The comment this one answers. */
  parentId?: string | null;
  /** The revision commented on; the latest when absent. */
  revisionNumber?: number | null;
}

/**
 * The secretariat's review of proposals: it opens threads and resolves them; the owning city's delegates
 * answer in those threads.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly proposals: ProposalRepository,
    private readonly comments: ReviewCommentRepository,
    private readonly live: LiveUpdates,
  ) {}

  async addComment(actor: Actor, input: AddReviewCommentInput): Promise<ReviewComment> {
    requireRole(actor, [Role.SECRETARIAT, Role.DELEGATE], 'addReviewComment');
    const body = requiredText('body', input.body, 'comment', actor.locale);
    const added = await this.unitOfWork.run(async (tx) => {
      const proposal = await this.proposals.findById(input.proposalId, tx);
      if (proposal === null || !canSeeProposal(actor, proposal))
        throw notFound('proposal', input.proposalId, 'proposalId');
      if (!isSecretariat(actor) && !canEditDraft(actor, proposal)) throw forbidden('commentOnOtherProposal');
      if (!isSecretariat(actor) && !input.parentId) throw badInput('parentId', 'replyOnly');
      if (input.parentId != null) {
        const parent = await this.comments.require(input.parentId, 'parentId', tx);
        if (parent.proposalId !== proposal.id) throw notFound('reviewComment', input.parentId, 'parentId');
      }
      const revision =
        input.revisionNumber == null
          ? await this.proposals.latestRevision(tx, proposal.id)
          : await this.proposals.revisionByNumber(proposal.id, input.revisionNumber, tx);
      if (revision === null) throw notFound('revision', String(input.revisionNumber), 'revisionNumber');
      return this.comments.insert(tx, {
        proposalId: proposal.id,
        revisionId: revision.id,
        parentId: input.parentId ?? null,
        authorId: actor.personId,
        body,
        resolvedAt: null,
        resolvedById: null,
      });
    });
    // Pages open on the proposal show the new comment without a reload.
    await this.live.publish('proposalUpdated', { id: added.proposalId });
    return added;
  }

  /** Marks a thread resolved, or open again. */
  async resolveComment(actor: Actor, id: string, resolved: boolean): Promise<ReviewComment> {
    requireRole(actor, [Role.SECRETARIAT], 'resolveReviewComment');
    const saved = await this.unitOfWork.run(async (tx) => {
      const comment = await this.comments.require(id, 'id', tx);
      comment.resolvedAt = resolved ? (comment.resolvedAt ?? new Date()) : null;
      comment.resolvedById = resolved ? (comment.resolvedById ?? actor.personId) : null;
      return this.comments.save(tx, comment);
    });
    await this.live.publish('proposalUpdated', { id: saved.proposalId });
    return saved;
  }
}
