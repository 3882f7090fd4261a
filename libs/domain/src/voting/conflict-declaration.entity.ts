import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '../identity';
import { Proposal } from '../proposals';

/** A board member's declared conflict of interest on a proposal: they are not eligible to vote on it. */
@Entity({ name: 'conflict_declaration' })
export class ConflictDeclaration {
  @PrimaryColumn({ type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'conflict_declaration_proposal_fkey' })
  proposal?: Proposal;

  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'conflict_declaration_person_fkey' })
  person?: Person;

  @Column({ type: 'text' })
  reason!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  declaredAt!: Date;
}
