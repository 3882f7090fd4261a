import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { MEETING_STATES, type MeetingState } from '@majlis/workflow';
import type { LocalizedText } from '@majlis/language';
import { Person } from '../identity';
import { MemberCity } from '../partnership';

export enum MeetingKind {
  ANNUAL = 'ANNUAL',
  BOARD = 'BOARD',
  EXTRAORDINARY = 'EXTRAORDINARY',
}

/** A meeting of the partnership: the annual meeting, a board meeting or an extraordinary one. */
@Entity({ name: 'meeting' })
@Check('meeting_time_check', '"ends_at" > "starts_at"')
@Index('meeting_starts_at_idx', ['startsAt', 'id'])
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: MeetingKind, enumName: 'meeting_kind' })
  kind!: MeetingKind;

  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ type: 'uuid' })
  hostCityId!: string;

  @ManyToOne(() => MemberCity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_city_id', foreignKeyConstraintName: 'meeting_host_city_fkey' })
  hostCity?: MemberCity;

  @Column({ type: 'jsonb', nullable: true })
  venue!: LocalizedText | null;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  /** IANA time zone the meeting is held in, e.g. America/Chicago; times are shown in it. */
  @Column({ type: 'text' })
  timeZone!: string;

  @Column({ type: 'enum', enum: [...MEETING_STATES], enumName: 'meeting_state', default: 'planned' })
  state!: MeetingState;

  /** Raised by every change; transitions compare it to refuse lost updates. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'meeting_created_by_fkey' })
  createdBy?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
