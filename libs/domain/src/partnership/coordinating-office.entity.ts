import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '@majlis/language';
import { MemberCity } from './member-city.entity';

/** A member city's coordinating office: it groups the stakeholders who follow the partnership's work. */
@Entity({ name: 'coordinating_office' })
export class CoordinatingOffice {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('coordinating_office_city_key', { unique: true })
  @Column({ type: 'uuid' })
  memberCityId!: string;

  @ManyToOne(() => MemberCity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_city_id', foreignKeyConstraintName: 'coordinating_office_member_city_fkey' })
  memberCity?: MemberCity;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;
}
