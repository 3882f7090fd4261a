import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor } from '@majlis/domain';
import { unauthenticated } from '@majlis/language';
import type { GraphqlContext } from './graphql-context';

/** The signed-in person the auth guard resolved for this operation (also for a subscription's events). */
export function signedInActor(context: GraphqlContext): Actor {
  if (context.session.actor === undefined) throw unauthenticated('notSignedIn');
  return context.session.actor;
}

/** The signed-in person, as a resolver parameter. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor =>
  signedInActor(GqlExecutionContext.create(context).getContext<GraphqlContext>()),
);
