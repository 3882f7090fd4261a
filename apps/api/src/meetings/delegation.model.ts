import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Delegation', { description: "A member city's delegation to one meeting." })
export class DelegationModel {
  @Field(() => ID)
  id!: string;
}

@ObjectType('DelegationMember', { description: 'A person in a delegation; most never sign in to majlis.' })
export class DelegationMemberModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The head of the delegation.' })
  isHead!: boolean;
}
