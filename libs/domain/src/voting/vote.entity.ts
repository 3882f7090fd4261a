import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { VoteChoice } from '@majlis/workflow';
import { Person } from '../identity';
import { Ballot } from './ballot.entity';

export const VOTE_CHOICES: readonly VoteChoice[] = ['YES', 'NO', 'ABSTAIN'];

/** A member's vote; one per member and ballot (the unique index, not code, guarantees it). */
@Entity({ name: 'vote' })
@Index('vote_ballot_voter_key', ['ballotId', 'voterId'], { unique: true })
export class Vote {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ballotId!: string;

  @ManyToOne(() => Ballot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ballot_id', foreignKeyConstraintName: 'vote_ballot_fkey' })
  ballot?: Ballot;

  @Column({ type: 'uuid' })
  voterId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'voter_id', foreignKeyConstraintName: 'vote_voter_fkey' })
  voter?: Person;

  @Column({ type: 'enum', enum: [...VOTE_CHOICES], enumName: 'vote_choice' })
  choice!: VoteChoice;

  /** When the current choice was made (a member may change it until the ballot closes). */
  @Column({ type: 'timestamptz' })
  castAt!: Date;
}
