import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BALLOT_STATES, type BallotResult, type BallotState, type VoteRules, type VoteTally } from '@majlis/workflow';
import { Proposal } from '../proposals';

export const BALLOT_RESULTS: readonly BallotResult[] = ['passed', 'failed', 'noQuorum'];

/** The board's vote on one proposal. Its eligible voters are snapshotted when it opens. */
@Entity({ name: 'ballot' })
@Index('ballot_proposal_idx', ['proposalId'])
export class Ballot {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => Proposal, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'ballot_proposal_fkey' })
  proposal?: Proposal;

  @Column({ type: 'enum', enum: [...BALLOT_STATES], enumName: 'ballot_state', default: 'pending' })
  state!: BallotState;

  @Column({ type: 'jsonb' })
  rules!: VoteRules;

  /** When the deadline closes it, if the secretariat has not. */
  @Column({ type: 'timestamptz', nullable: true })
  closesAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'enum', enum: [...BALLOT_RESULTS], enumName: 'ballot_result', nullable: true })
  result!: BallotResult | null;

  /** Frozen at close. */
  @Column({ type: 'jsonb', nullable: true })
  tally!: VoteTally | null;

  @Column({ type: 'boolean', default: false })
  decidedByChair!: boolean;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  openedById!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
