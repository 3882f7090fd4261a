import { Field, ID, InputType } from '@nestjs/graphql';
import { LocalizedTextInputModel } from '../graphql/localized-string.model';

@InputType('AddDelegationMemberInput')
export class AddDelegationMemberInputModel {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  memberCityId!: string;

  @Field(() => LocalizedTextInputModel)
  name!: LocalizedTextInputModel;

  @Field(() => LocalizedTextInputModel, { nullable: true })
  position?: LocalizedTextInputModel | null;

  @Field(() => ID, { nullable: true, description: 'Their account, when they have one; of the same city.' })
  personId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  isHead?: boolean | null;
}
