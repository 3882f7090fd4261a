import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '@majlis/language';
import { CoordinatingOffice } from './coordinating-office.entity';

export enum StakeholderKind {
  COMPANY = 'COMPANY',
  GOVERNMENT = 'GOVERNMENT',
  CHAMBER_OF_COMMERCE = 'CHAMBER_OF_COMMERCE',
  ACADEMIC = 'ACADEMIC',
  OTHER = 'OTHER',
}

/** An organisation in a coordinating office, e.g. Saudi Aramco; it follows the work as an observer. */
@Entity({ name: 'stakeholder' })
@Index('stakeholder_office_idx', ['officeId'])
export class Stakeholder {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  officeId!: string;

  @ManyToOne(() => CoordinatingOffice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_id', foreignKeyConstraintName: 'stakeholder_office_fkey' })
  office?: CoordinatingOffice;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ type: 'enum', enum: StakeholderKind, enumName: 'stakeholder_kind' })
  kind!: StakeholderKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
