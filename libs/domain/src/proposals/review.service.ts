import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, forbidden, LocalizedTextInput, notFound, requiredText } from '@majlis/language';
import { requireRow } from '@majlis/persistence';
import { LiveUpdates } from '@majlis/live';
import { Actor, requireRole, Role } from '../identity';
import { canEditDraft, canSeeProposal, isSecretariat } from './proposal-access';
import { ProposalRevision } from './proposal-revision.entity';
import { ProposalRepository } from './proposal.repository';
import { ReviewComment } from './review-comment.entity';

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalRepository,
    private readonly live: LiveUpdates,
  ) {}

  async addComment(actor: Actor, input: AddReviewCommentInput): Promise<ReviewComment> {
    requireRole(actor, [Role.SECRETARIAT, Role.DELEGATE], 'addReviewComment');
    const body = requiredText('body', input.body, 'comment', actor.locale);
    const added = await this.dataSource.transaction(async (manager) => {
      const proposal = await this.proposals.findById(input.proposalId, manager);
      if (proposal === null || !canSeeProposal(actor, proposal))
        throw notFound('proposal', input.proposalId, 'proposalId');
      if (!isSecretariat(actor) && !canEditDraft(actor, proposal)) throw forbidden('commentOnOtherProposal');
      if (!isSecretariat(actor) && !input.parentId) throw badInput('parentId', 'replyOnly');
      if (input.parentId != null) {
        const parent = await requireRow(manager, ReviewComment, input.parentId, 'reviewComment', 'parentId');
        if (parent.proposalId !== proposal.id) throw notFound('reviewComment', input.parentId, 'parentId');
      }
      const revision =
        input.revisionNumber == null
          ? await this.proposals.latestRevision(manager, proposal.id)
          : await manager.findOneBy(ProposalRevision, { proposalId: proposal.id, number: input.revisionNumber });
      if (revision === null) throw notFound('revision', String(input.revisionNumber), 'revisionNumber');
      return manager.save(
        manager.create(ReviewComment, {
          proposalId: proposal.id,
          revisionId: revision.id,
          parentId: input.parentId ?? null,
          authorId: actor.personId,
          body,
          resolvedAt: null,
          resolvedById: null,
        }),
      );
    });
    // Pages open on the proposal show the new comment without a reload.
    await this.live.publish('proposalUpdated', { id: added.proposalId });
    return added;
  }

  /** Marks a thread resolved, or open again. */
  async resolveComment(actor: Actor, id: string, resolved: boolean): Promise<ReviewComment> {
    requireRole(actor, [Role.SECRETARIAT], 'resolveReviewComment');
    const saved = await this.dataSource.transaction(async (manager) => {
      const comment = await requireRow(manager, ReviewComment, id, 'reviewComment');
      comment.resolvedAt = resolved ? (comment.resolvedAt ?? new Date()) : null;
      comment.resolvedById = resolved ? (comment.resolvedById ?? actor.personId) : null;
      return manager.save(comment);
    });
    await this.live.publish('proposalUpdated', { id: saved.proposalId });
    return saved;
  }
}
