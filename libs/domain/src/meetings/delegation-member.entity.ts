import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '@majlis/language';
import { Person } from '../identity';
import { Delegation } from './delegation.entity';

/** A person in a delegation; they need not have an account (most of a delegation never signs in). */
@Entity({ name: 'delegation_member' })
@Index('delegation_member_head_key', ['delegationId'], { unique: true, where: '"is_head"' })
export class DelegationMember {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  delegationId!: string;

  @ManyToOne(() => Delegation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delegation_id', foreignKeyConstraintName: 'delegation_member_delegation_fkey' })
  delegation?: Delegation;

  /** The member's account, when they have one. */
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'delegation_member_person_fkey' })
  person?: Person | null;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  /** Their office, e.g. Deputy Mayor for Development and Projects. */
  @Column({ type: 'jsonb', nullable: true })
  position!: LocalizedText | null;

  @Column({ type: 'boolean', default: false })
  isHead!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
