import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Person } from '../identity';

export const NOTIFICATION_MODES = ['off', 'immediate', 'digest'] as const;
/** `off`: nothing; `immediate`: inbox and e-mail now; `digest`: inbox now, e-mail in the daily digest. */
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** How a person wants to hear of one kind of event; without a row, `immediate`. */
@Entity({ name: 'notification_preference' })
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'notification_preference_person_fkey' })
  person?: Person;

  @PrimaryColumn({ type: 'text' })
  topic!: string;

  @Column({ type: 'enum', enum: [...NOTIFICATION_MODES], enumName: 'notification_mode' })
  mode!: NotificationMode;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
