import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '@majlis/language';
import { Person } from '../identity';
import { Proposal } from './proposal.entity';

/** One saved version of a proposal's text; numbered 1, 2, 3… per proposal. */
@Entity({ name: 'proposal_revision' })
@Index('proposal_revision_number_key', ['proposalId', 'number'], { unique: true })
export class ProposalRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'proposal_revision_proposal_fkey' })
  proposal?: Proposal;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  summary!: LocalizedText | null;

  @Column({ type: 'jsonb', nullable: true })
  body!: LocalizedText | null;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'proposal_revision_author_fkey' })
  author?: Person;

  /** Set when a submission freezes this revision; a frozen revision never changes. */
  @Column({ type: 'timestamptz', nullable: true })
  frozenAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
