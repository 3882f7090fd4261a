import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '@majlis/language';
import { Person } from '../identity';
import { ProposalRevision } from './proposal-revision.entity';
import { Proposal } from './proposal.entity';

/** A review comment on a proposal; replies point at the comment they answer. */
@Entity({ name: 'review_comment' })
@Index('review_comment_proposal_idx', ['proposalId', 'createdAt'])
export class ReviewComment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'review_comment_proposal_fkey' })
  proposal?: Proposal;

  /** The revision the comment was written against. */
  @Column({ type: 'uuid', nullable: true })
  revisionId!: string | null;

  @ManyToOne(() => ProposalRevision, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'revision_id', foreignKeyConstraintName: 'review_comment_revision_fkey' })
  revision?: ProposalRevision | null;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => ReviewComment, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'review_comment_parent_fkey' })
  parent?: ReviewComment | null;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'review_comment_author_fkey' })
  author?: Person;

  @Column({ type: 'jsonb' })
  body!: LocalizedText;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById!: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'resolved_by_id', foreignKeyConstraintName: 'review_comment_resolved_by_fkey' })
  resolvedBy?: Person | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
