import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { type FormOfAddress as FormOfAddressValue, Role } from '@majlis/domain';
import { ConnectionOf } from '../graphql/connection.model';
import { Locale, LocalizedTextInputModel } from '../graphql/localized-string.model';
import { FormOfAddress, PersonModel } from '../identity/person.model';

export enum PasswordLinkPurpose {
  invitation = 'invitation',
  reset = 'reset',
}
registerEnumType(PasswordLinkPurpose, {
  name: 'PasswordLinkPurpose',
  description: 'What a one-time link to set a password is for: an invitation, or a password reset.',
});

@ObjectType('PasswordLink', { description: 'A one-time link to set a password, as its page shows it.' })
export class PasswordLinkModel {
  @Field(() => PasswordLinkPurpose)
  purpose!: PasswordLinkPurpose;

  @Field()
  email!: string;

  @Field({ description: 'Until when the link works (invitations 7 days, resets 1 hour).' })
  expiresAt!: Date;
}

@InputType('SetupInput', { description: 'The first administrator, with the setup token printed in the server log.' })
export class SetupInputModel {
  @Field()
  token!: string;

  @Field()
  email!: string;

  @Field(() => LocalizedTextInputModel)
  name!: LocalizedTextInputModel;

  @Field({ description: 'At least 10 characters, not the e-mail address.' })
  password!: string;

  @Field(() => Locale, { nullable: true })
  locale?: LocaleCode | null;
}

@InputType('PersonFilter')
export class PersonFilterModel {
  @Field(() => ID, { nullable: true })
  memberCityId?: string | null;

  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Words of the e-mail or of the name, in either language.' })
  search?: string | null;
}

export const PersonConnection = ConnectionOf(PersonModel, 'Person');

@InputType('InvitePersonInput')
export class InvitePersonInputModel {
  @Field()
  email!: string;

  @Field(() => LocalizedTextInputModel)
  name!: LocalizedTextInputModel;

  @Field(() => [Role], {
    description: 'DELEGATE, BOARD_MEMBER, OBSERVER (SECRETARIAT and ADMIN: administrators only).',
  })
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: "A head of delegation's own city when left out." })
  memberCityId?: string | null;

  @Field(() => Boolean, { nullable: true })
  isHeadOfDelegation?: boolean | null;

  @Field(() => Locale, { nullable: true, description: 'Language of the invitation e-mail and of the person.' })
  locale?: LocaleCode | null;

  @Field(() => FormOfAddress, { nullable: true, description: 'How messages greet them; left out: not known.' })
  formOfAddress?: FormOfAddressValue | null;
}

@InputType('UpdatePersonInput')
export class UpdatePersonInputModel {
  @Field(() => LocalizedTextInputModel, { nullable: true })
  name?: LocalizedTextInputModel | null;

  @Field(() => [Role], { nullable: true })
  roles?: Role[] | null;

  @Field(() => ID, { nullable: true })
  memberCityId?: string | null;

  @Field(() => Boolean, { nullable: true })
  isHeadOfDelegation?: boolean | null;

  @Field(() => Locale, { nullable: true })
  preferredLocale?: LocaleCode | null;

  @Field(() => String, { nullable: true, description: "An IANA zone; null: the browser's or their city's." })
  timeZone?: string | null;

  @Field(() => FormOfAddress, { nullable: true, description: 'How messages greet them; null: not known (neutral).' })
  formOfAddress?: FormOfAddressValue | null;
}

@ObjectType('BoardSeat', { description: "A term of a member city's seat on the board of directors." })
export class BoardSeatModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The chair's vote breaks a tie where a ballot's rules say so." })
  isChair!: boolean;

  @Field({ description: 'YYYY-MM-DD' })
  startsOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null: the term runs.' })
  endsOn!: string | null;
}

@InputType('AssignBoardSeatInput')
export class AssignBoardSeatInputModel {
  @Field(() => ID)
  memberCityId!: string;

  @Field(() => ID, { description: 'A person of that city (any role); gains BOARD_MEMBER.' })
  personId!: string;

  @Field({ description: 'YYYY-MM-DD' })
  startsOn!: string;

  @Field(() => Boolean, { nullable: true })
  isChair?: boolean | null;
}
