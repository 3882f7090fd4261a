import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '@majlis/language';

/** A partnership of member cities, such as the World Energy Cities Partnership. */
@Entity({ name: 'partnership' })
export class Partnership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('partnership_code_key', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ type: 'int' })
  foundedYear!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
