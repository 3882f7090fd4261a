import { Field, ObjectType } from '@nestjs/graphql';
import { PersonModel } from './person.model';

@ObjectType('Session', { description: 'A signed-in session; the token is also set as an httpOnly cookie.' })
export class SessionModel {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => PersonModel)
  user!: PersonModel;
}
