import { Field, ObjectType } from '@nestjs/graphql';
import { Role } from '@majlis/domain';

@ObjectType('DemoAccount', {
  description: 'A demo person to sign in as; the demo password is in `Instance.demoPassword`.',
})
export class DemoAccountModel {
  @Field()
  email!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field()
  isHeadOfDelegation!: boolean;
}

@ObjectType('Instance', {
  description: 'What this installation is, for the sign-in page; readable without signing in.',
})
export class InstanceModel {
  @Field({ description: 'True on the embedded demo (the demo partnership was loaded).' })
  demo!: boolean;

  @Field(() => [DemoAccountModel], { description: 'The demo people; empty unless demo.' })
  demoAccounts!: DemoAccountModel[];

  @Field(() => String, { nullable: true, description: 'The demo password, only on the demo (it is public there).' })
  demoPassword!: string | null;

  @Field({ description: 'True when no person exists at all (a fresh server).' })
  setupRequired!: boolean;

  @Field({ description: 'Whether the queue dashboard at /admin/queues exists (queues on Redis).' })
  queuesOnRedis!: boolean;
}
