import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('MemberCity', { description: 'A member city of the partnership.' })
export class MemberCityModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Short stable name, e.g. dammam.' })
  code!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  countryCode!: string;

  @Field({ description: 'IANA time zone, e.g. Asia/Riyadh.' })
  timeZone!: string;

  @Field(() => Int)
  joinedYear!: number;
}
