import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { PROPOSAL_STATES, type ProposalState } from '@majlis/workflow';
import type { LocalizedText } from '@majlis/language';
import { Person } from '../identity';
import { Meeting } from '../meetings';
import { MemberCity } from '../partnership';

export enum ProposalCategory {
  STRATEGIC_PLAN = 'STRATEGIC_PLAN',
  PROGRAMME = 'PROGRAMME',
  GOVERNANCE = 'GOVERNANCE',
  OTHER = 'OTHER',
}

/** A proposal a member city puts to the partnership; an amendment points at the proposal it amends. */
@Entity({ name: 'proposal' })
@Index('proposal_listing_idx', ['createdAt', 'id'])
@Index('proposal_owner_city_idx', ['ownerCityId'])
@Index('proposal_meeting_idx', ['meetingId'])
@Index('proposal_parent_idx', ['parentId'])
export class Proposal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ownerCityId!: string;

  @ManyToOne(() => MemberCity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_city_id', foreignKeyConstraintName: 'proposal_owner_city_fkey' })
  ownerCity?: MemberCity;

  @Column({ type: 'enum', enum: ProposalCategory, enumName: 'proposal_category' })
  category!: ProposalCategory;

  /** The proposal this one amends. */
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Proposal, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'proposal_parent_fkey' })
  parent?: Proposal | null;

  /** The meeting it is meant for. */
  @Column({ type: 'uuid', nullable: true })
  meetingId!: string | null;

  @ManyToOne(() => Meeting, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'proposal_meeting_fkey' })
  meeting?: Meeting | null;

  @ManyToMany(() => MemberCity)
  @JoinTable({
    name: 'proposal_cosponsor',
    joinColumn: { name: 'proposal_id', foreignKeyConstraintName: 'proposal_cosponsor_proposal_fkey' },
    inverseJoinColumn: { name: 'member_city_id', foreignKeyConstraintName: 'proposal_cosponsor_member_city_fkey' },
  })
  cosponsors?: MemberCity[];

  @Column({ type: 'enum', enum: [...PROPOSAL_STATES], enumName: 'proposal_state', default: 'draft' })
  state!: ProposalState;

  /** When it was first submitted; null while it never was, even once withdrawn, so it stays its city's own. */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** Raised by every change; transitions compare it to refuse lost updates. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  /** The latest revision's title and summary, kept here for listing and search. */
  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  summary!: LocalizedText | null;

  /** Title and summary in both languages, folded for search (see foldForSearch). */
  @Column({ type: 'text' })
  searchText!: string;

  @Column({ type: 'int', default: 0 })
  revisionCount!: number;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'proposal_created_by_fkey' })
  createdBy?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
