import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import type { LocalizedText } from '@majlis/language';
import { Person } from '../identity';
import { Proposal } from './proposal.entity';

/**
 * The text a draft's delegation is writing, as autosave last stored it: one per proposal, changed in place
 * (no revision); saving a revision or submitting makes it the next revision and removes it.
 */
@Entity({ name: 'proposal_working_copy' })
export class ProposalWorkingCopy {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'proposal_working_copy_pkey' })
  proposalId!: string;

  @OneToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'proposal_working_copy_proposal_fkey' })
  proposal?: Proposal;

  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  summary!: LocalizedText | null;

  @Column({ type: 'jsonb', nullable: true })
  body!: LocalizedText | null;

  /** The number of the revision it was started from. */
  @Column({ type: 'int' })
  baseRevision!: number;

  /** Who saved it last. */
  @Column({ type: 'uuid' })
  savedById!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'saved_by_id', foreignKeyConstraintName: 'proposal_working_copy_saved_by_fkey' })
  savedBy?: Person;

  @Column({ type: 'timestamptz' })
  savedAt!: Date;
}
