import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '@majlis/config';
import { Person } from '../identity';
import { ActionItem } from './action-item.entity';

/** One report of an action item's progress: who, when, how far, and a note in the language written. */
@Entity({ name: 'progress_report' })
@Index('progress_report_item_idx', ['actionItemId', 'reportedAt'])
export class ProgressReport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  actionItemId!: string;

  @ManyToOne(() => ActionItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_item_id', foreignKeyConstraintName: 'progress_report_action_item_fkey' })
  actionItem?: ActionItem;

  @Column({ type: 'int' })
  percent!: number;

  /** The progress before this report. */
  @Column({ type: 'int' })
  previousPercent!: number;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'enum', enum: ['ar', 'en'], enumName: 'locale' })
  language!: Locale;

  @Column({ type: 'uuid' })
  reportedById!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reported_by_id', foreignKeyConstraintName: 'progress_report_reported_by_fkey' })
  reportedBy?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  reportedAt!: Date;
}
