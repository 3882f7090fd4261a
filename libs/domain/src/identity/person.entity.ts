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
import type { Locale } from '@majlis/config';
import { defaultDigits, type LocalizedText } from '@majlis/language';
import { Role } from './role';

/** How a person reads numbers: Arabic-Indic (٠١٢) or Latin (012) digits. */
export const DIGITS = ['arab', 'latn'] as const;
export type Digits = (typeof DIGITS)[number];

/** A person's digits: their own choice, else Arabic-Indic for Arabic readers and Latin for English ones. */
export const digitsOf = (person: Pick<Person, 'digits' | 'preferredLocale'>): Digits =>
  person.digits ?? defaultDigits(person.preferredLocale);

/** How letters address a person: an excellency («سعادة»), or an office (an institution's account). */
export const FORMS_OF_ADDRESS = ['EXCELLENCY', 'OFFICE'] as const;
export type FormOfAddress = (typeof FORMS_OF_ADDRESS)[number];

@Entity({ name: 'person' })
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique. */
  @Index('person_email_key', { unique: true })
  @Column({ type: 'text' })
  email!: string;

  /** Read only where a password is checked (select: false keeps it out of every other load); null: invited, none set yet. */
  @Column({ type: 'text', select: false, nullable: true })
  passwordHash!: string | null;

  /** When they last set their password; null while an invitation is pending. */
  @Column({ type: 'timestamptz', nullable: true })
  passwordSetAt!: Date | null;

  /** Every session signed in before this instant is refused (deactivation, a password reset). */
  @Column({ type: 'timestamptz', nullable: true })
  sessionsRevokedBefore!: Date | null;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ type: 'enum', enum: ['ar', 'en'], enumName: 'locale', default: 'ar' })
  preferredLocale!: Locale;

  /** Their chosen digits; null follows their language. */
  @Column({ type: 'enum', enum: DIGITS, enumName: 'digits', nullable: true })
  digits!: Digits | null;

  /** IANA time zone for dates in messages and the daily digest; null = the member city's, else UTC. */
  @Column({ type: 'text', nullable: true })
  timeZone!: string | null;

  @Column({ type: 'enum', enum: Role, enumName: 'role', array: true, default: '{}' })
  roles!: Role[];

  @Column({ type: 'uuid', nullable: true })
  memberCityId!: string | null;

  // Only the foreign key: identity sits below partnership, so the city is named, not imported; read it
  // through PartnershipLoaders.
  @ManyToOne('MemberCity', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'member_city_id', foreignKeyConstraintName: 'person_member_city_fkey' })
  memberCity?: never;

  /** Head of the member city's delegation (a delegate with more rights over the city's proposals). */
  @Column({ type: 'boolean', default: false })
  isHeadOfDelegation!: boolean;

  /** How messages greet them; null: not known, a neutral greeting. Administrators set it. */
  @Column({ type: 'enum', enum: FORMS_OF_ADDRESS, enumName: 'form_of_address', nullable: true })
  formOfAddress!: FormOfAddress | null;

  /** A deactivated person cannot sign in, and their existing tokens stop working. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
