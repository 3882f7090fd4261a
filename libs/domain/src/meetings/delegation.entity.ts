import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MemberCity } from '../partnership';
import { Meeting } from './meeting.entity';

/** A member city's delegation to one meeting. */
@Entity({ name: 'delegation' })
@Index('delegation_meeting_city_key', ['meetingId', 'memberCityId'], { unique: true })
export class Delegation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'delegation_meeting_fkey' })
  meeting?: Meeting;

  @Column({ type: 'uuid' })
  memberCityId!: string;

  @ManyToOne(() => MemberCity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_city_id', foreignKeyConstraintName: 'delegation_member_city_fkey' })
  memberCity?: MemberCity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
