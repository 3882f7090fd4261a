import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '@majlis/language';
import { Delegation } from './delegation.entity';
import { Meeting } from './meeting.entity';

export enum AgendaItemKind {
  SECTION = 'SECTION',
  PRESENTATION = 'PRESENTATION',
  DISCUSSION = 'DISCUSSION',
  DECISION = 'DECISION',
  PROGRAMME = 'PROGRAMME',
}

export enum AgendaPresenter {
  DELEGATION = 'DELEGATION',
  SECRETARIAT = 'SECRETARIAT',
}

/**
 * One item of a meeting's agenda; items nest under sections. Siblings are numbered 0, 1, 2… without gaps:
 * the unique index below (kept by hand in the migration: TypeORM cannot express it) holds them unique.
 */
@Entity({ name: 'agenda_item' })
@Index('agenda_item_position_key', { synchronize: false })
@Index('agenda_item_meeting_idx', ['meetingId'])
@Check('agenda_item_position_check', '"position" >= 0')
@Check('agenda_item_planned_minutes_check', '"planned_minutes" BETWEEN 1 AND 1440')
export class AgendaItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'agenda_item_meeting_fkey' })
  meeting?: Meeting;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'agenda_item_parent_fkey' })
  parent?: AgendaItem | null;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'enum', enum: AgendaItemKind, enumName: 'agenda_item_kind' })
  kind!: AgendaItemKind;

  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Column({ type: 'int', nullable: true })
  plannedMinutes!: number | null;

  @Column({ type: 'enum', enum: AgendaPresenter, enumName: 'agenda_presenter', nullable: true })
  presenter!: AgendaPresenter | null;

  @Column({ type: 'uuid', nullable: true })
  presenterDelegationId!: string | null;

  @ManyToOne(() => Delegation, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'presenter_delegation_id', foreignKeyConstraintName: 'agenda_item_presenter_delegation_fkey' })
  presenterDelegation?: Delegation | null;

  @Column({ type: 'uuid', nullable: true })
  proposalId!: string | null;

  // Only the foreign key: proposals rest on meetings, so the proposal is named, not imported.
  @ManyToOne('Proposal', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'agenda_item_proposal_fkey' })
  proposal?: never;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
