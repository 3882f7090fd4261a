import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor, unauthenticated } from '@majlis/domain';
import type { GraphqlContext } from './graphql-context';

/** The signed-in person the auth guard resolved for this operation. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = GqlExecutionContext.create(context).getContext<GraphqlContext>().session.actor;
  if (actor === undefined) throw unauthenticated('notSignedIn');
  return actor;
});
