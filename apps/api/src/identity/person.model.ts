import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import {
  DIGITS,
  type Digits as DigitsValue,
  FORMS_OF_ADDRESS,
  type FormOfAddress as FormOfAddressValue,
  Role,
} from '@majlis/domain';
import { enumOf } from '../graphql/enum-of';
import { Locale } from '../graphql/localized-string.model';

registerEnumType(Role, { name: 'Role', description: 'What a person may do in majlis.' });
export const Digits = enumOf(DIGITS, 'Digits', 'Arabic-Indic (٠١٢) or Latin (012) digits, the person’s choice.');
export const FormOfAddress = enumOf(
  FORMS_OF_ADDRESS,
  'FormOfAddress',
  'How messages greet a person: EXCELLENCY (an honorific, «سعادة»), OFFICE (an institution’s account).',
);

@ObjectType('Person', { description: 'A person who uses majlis.' })
export class PersonModel {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field({ description: 'Head of their member city delegation.' })
  isHeadOfDelegation!: boolean;

  @Field(() => Locale, { description: 'Also the language of their e-mails.' })
  preferredLocale!: LocaleCode;

  @Field(() => String, { nullable: true, description: "IANA zone they chose; null: the browser's or their city's." })
  timeZone!: string | null;

  @Field(() => FormOfAddress, { nullable: true, description: 'How messages greet them; null: not known (neutral).' })
  formOfAddress!: FormOfAddressValue | null;

  @Field({ description: 'A deactivated person cannot sign in; their sessions ended when they were deactivated.' })
  active!: boolean;
}

@InputType('UpdateMyProfileInput')
export class UpdateMyProfileInputModel {
  @Field(() => Locale, { nullable: true, description: 'Also the language of their e-mails from now on.' })
  locale?: LocaleCode | null;

  @Field(() => Digits, { nullable: true, description: "Null: follow the language's default again." })
  digits?: DigitsValue | null;

  @Field(() => String, { nullable: true, description: "A valid IANA zone; null: the browser's or their city's." })
  timeZone?: string | null;
}
