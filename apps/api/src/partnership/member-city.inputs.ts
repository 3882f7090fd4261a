import { Field, InputType, Int } from '@nestjs/graphql';
import { LocalizedTextInputModel } from '../graphql/localized-string.model';

@InputType('MemberCityInput')
export class MemberCityInputModel {
  @Field({ description: 'Lowercase a-z, 2 to 40 letters, unique (e.g. dammam).' })
  code!: string;

  @Field(() => LocalizedTextInputModel)
  name!: LocalizedTextInputModel;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. SA.' })
  countryCode!: string;

  @Field({ description: 'IANA, e.g. Asia/Riyadh.' })
  timeZone!: string;

  @Field(() => Int)
  joinedYear!: number;

  @Field(() => LocalizedTextInputModel, { nullable: true })
  coordinatingOfficeName?: LocalizedTextInputModel | null;
}

@InputType('UpdateMemberCityInput')
export class UpdateMemberCityInputModel {
  @Field(() => LocalizedTextInputModel, { nullable: true })
  name?: LocalizedTextInputModel | null;

  @Field(() => String, { nullable: true })
  countryCode?: string | null;

  @Field(() => String, { nullable: true })
  timeZone?: string | null;

  @Field(() => Int, { nullable: true })
  joinedYear?: number | null;

  @Field(() => LocalizedTextInputModel, { nullable: true })
  coordinatingOfficeName?: LocalizedTextInputModel | null;
}
