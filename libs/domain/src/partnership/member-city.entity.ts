import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '@majlis/language';
import { Partnership } from './partnership.entity';

@Entity({ name: 'member_city' })
export class MemberCity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  partnershipId!: string;

  @ManyToOne(() => Partnership, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partnership_id', foreignKeyConstraintName: 'member_city_partnership_fkey' })
  partnership?: Partnership;

  /** A short stable name used in addresses and accounts, e.g. `dammam`, `portharcourt`. */
  @Index('member_city_code_key', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  countryCode!: string;

  /** IANA time zone, e.g. `Asia/Riyadh`. */
  @Column({ type: 'text' })
  timeZone!: string;

  @Column({ type: 'int' })
  joinedYear!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
