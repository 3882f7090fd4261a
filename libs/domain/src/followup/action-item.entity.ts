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
import { ACTION_ITEM_STATES, type ActionItemState } from '@majlis/workflow';
import type { LocalizedText } from '@majlis/language';
import { Person } from '../identity';
import { MemberCity } from '../partnership';
import { ImplementationPlan } from './implementation-plan.entity';

export enum ActionItemKind {
  MILESTONE = 'MILESTONE',
  TASK = 'TASK',
}

/**
 * A milestone or task of an implementation plan; items form a tree. A leaf's progress is what its city
 * reports; a parent's is the weighted mean of its children (cancelled ones aside), kept up to date in
 * the transaction of every change below it.
 */
@Entity({ name: 'action_item' })
@Index('action_item_plan_idx', ['planId', 'parentId', 'position'])
@Index('action_item_due_idx', ['dueDate'], { where: `"state" IN ('planned', 'inProgress', 'blocked')` })
@Index('action_item_owner_city_idx', ['ownerCityId'])
export class ActionItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => ImplementationPlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'action_item_plan_fkey' })
  plan?: ImplementationPlan;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => ActionItem, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'action_item_parent_fkey' })
  parent?: ActionItem | null;

  /** Order among its siblings. */
  @Column({ type: 'int', default: 0 })
  position!: number;

  @Column({ type: 'enum', enum: ActionItemKind, enumName: 'action_item_kind', default: ActionItemKind.TASK })
  kind!: ActionItemKind;

  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Column({ type: 'uuid' })
  ownerCityId!: string;

  @ManyToOne(() => MemberCity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_city_id', foreignKeyConstraintName: 'action_item_owner_city_fkey' })
  ownerCity?: MemberCity;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'action_item_assignee_fkey' })
  assignee?: Person | null;

  /** Calendar dates (YYYY-MM-DD), read in the owner city's time zone. */
  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date' })
  dueDate!: string;

  /** Its share in its parent's progress; null counts as 1. */
  @Column({ type: 'int', nullable: true })
  weight!: number | null;

  /** 0–100: reported for a leaf, rolled up for a parent. */
  @Column({ type: 'int', default: 0 })
  progress!: number;

  @Column({ type: 'enum', enum: [...ACTION_ITEM_STATES], enumName: 'action_item_state', default: 'planned' })
  state!: ActionItemState;

  /** Why it is blocked, while it is. */
  @Column({ type: 'text', nullable: true })
  blockedReason!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  createdById!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
