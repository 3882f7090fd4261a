import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { Role } from '@majlis/domain';
import { Locale } from '../graphql/localized-string.model';

registerEnumType(Role, { name: 'Role', description: 'What a person may do in majlis.' });

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

  @Field(() => Locale)
  preferredLocale!: LocaleCode;
}
