import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { BallotResult } from '@majlis/workflow';
import type { LocalizedText } from '@majlis/language';
import { Proposal } from '../proposals';
import { Ballot } from '../voting';

/**
 * How the secretariat carries out what the board approved: one plan per approved proposal, created by
 * the approving transition itself, linked to the ballot and its result.
 */
@Entity({ name: 'implementation_plan' })
@Index('implementation_plan_proposal_key', ['proposalId'], { unique: true })
export class ImplementationPlan {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => Proposal, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'implementation_plan_proposal_fkey' })
  proposal?: Proposal;

  /** The ballot that approved it (none when the board approved without one). */
  @Column({ type: 'uuid', nullable: true })
  ballotId!: string | null;

  @ManyToOne(() => Ballot, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'ballot_id', foreignKeyConstraintName: 'implementation_plan_ballot_fkey' })
  ballot?: Ballot | null;

  @Column({ type: 'enum', enum: ['passed', 'failed', 'noQuorum'], enumName: 'ballot_result', nullable: true })
  result!: BallotResult | null;

  /** The proposal's title when it was approved. */
  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  /** The programme it belongs to, if any (the training exchange, the academic exchange, …). */
  @Column({ type: 'jsonb', nullable: true })
  programme!: LocalizedText | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
