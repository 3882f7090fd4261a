import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { VoteChoice } from '@majlis/workflow';
import { VOTE_CHOICES } from './vote.entity';

/** The first answer to a castVote with this idempotency key; a replay gets the same answer, nothing more. */
@Entity({ name: 'vote_receipt' })
export class VoteReceipt {
  @PrimaryColumn({ type: 'uuid' })
  voterId!: string;

  @PrimaryColumn({ type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'uuid' })
  ballotId!: string;

  @Column({ type: 'enum', enum: [...VOTE_CHOICES], enumName: 'vote_choice' })
  choice!: VoteChoice;

  @Column({ type: 'timestamptz' })
  castAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
