import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { EntityRepository, type Transaction } from '@majlis/persistence';
import { ReviewComment } from './review-comment.entity';

/** A comment to add: its id and time are the database's. */
export type NewReviewComment = Pick<
  ReviewComment,
  'proposalId' | 'revisionId' | 'parentId' | 'authorId' | 'body' | 'resolvedAt' | 'resolvedById'
>;

/** The review's comments, each thread's replies pointing at the comment they answer. */
@Injectable()
export class ReviewCommentRepository extends EntityRepository<ReviewComment> {
  protected readonly entity = ReviewComment;
  protected readonly entityName = 'reviewComment' as const;

  insert(tx: Transaction, comment: NewReviewComment): Promise<ReviewComment> {
    const manager = this.db(tx);
    return manager.save(manager.create(ReviewComment, comment));
  }

  save(tx: Transaction, comment: ReviewComment): Promise<ReviewComment> {
    return this.db(tx).save(ReviewComment, comment);
  }

  /** The comments on the given proposals, oldest first. */
  ofProposals(proposalIds: readonly string[]): Promise<ReviewComment[]> {
    return this.db().find(ReviewComment, {
      where: { proposalId: In([...proposalIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
