import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '../identity';
import { Ballot } from './ballot.entity';

/** A board member eligible on a ballot, as the board stood when it opened. */
@Entity({ name: 'ballot_voter' })
export class BallotVoter {
  @PrimaryColumn({ type: 'uuid' })
  ballotId!: string;

  @ManyToOne(() => Ballot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ballot_id', foreignKeyConstraintName: 'ballot_voter_ballot_fkey' })
  ballot?: Ballot;

  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'ballot_voter_person_fkey' })
  person?: Person;

  /** The chair's vote breaks a tie where the rules say so. */
  @Column({ type: 'boolean', default: false })
  isChair!: boolean;
}
