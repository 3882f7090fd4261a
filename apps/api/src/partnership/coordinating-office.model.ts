import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { StakeholderKind } from '@majlis/domain';
import { LocalizedTextInputModel } from '../graphql/localized-string.model';

registerEnumType(StakeholderKind, {
  name: 'StakeholderKind',
  description: 'What kind of organisation a stakeholder is.',
});

@ObjectType('CoordinatingOffice', {
  description: "A member city's coordinating office: the stakeholders who follow the work as observers.",
})
export class CoordinatingOfficeModel {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Stakeholder', { description: 'An organisation in a coordinating office, e.g. Saudi Aramco.' })
export class StakeholderModel {
  @Field(() => ID)
  id!: string;

  @Field(() => StakeholderKind)
  kind!: StakeholderKind;
}

@InputType('AddStakeholderInput')
export class AddStakeholderInputModel {
  @Field(() => ID)
  memberCityId!: string;

  @Field(() => LocalizedTextInputModel)
  name!: LocalizedTextInputModel;

  @Field(() => StakeholderKind)
  kind!: StakeholderKind;
}
