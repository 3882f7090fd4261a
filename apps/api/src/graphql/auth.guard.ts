import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { ActionName, forbidden, isActionName, unauthenticated } from '@majlis/language';
import { hasAnyRole, IdentityService } from '@majlis/domain';
import { ACCESS_RULE, AccessRule } from './allow.decorator';
import type { GraphqlContext } from './graphql-context';

/**
 * Denies by default: a GraphQL operation runs only if it names its access rule and the caller meets it.
 * HTTP routes (health, calendar files) carry their own checks.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const graphql = GqlExecutionContext.create(context);
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_RULE, context.getHandler());
    const field = graphql.getInfo<{ fieldName: string }>().fieldName;
    // Refusals name the operation in words; the table is kept complete by a test.
    const operation: ActionName = isActionName(field) ? field : 'doThis';
    if (rule === undefined) throw forbidden(operation);
    if (rule.kind === 'public') return true;

    const ctx = graphql.getContext<GraphqlContext>();
    const token = ctx.token;
    if (token === undefined) throw unauthenticated('notSignedIn');
    const actor = (ctx.session.actor ??= await this.identity.actorFromToken(token, ctx.locale));
    if (rule.kind === 'roles' && !hasAnyRole(actor, rule.roles)) throw forbidden(operation);
    return true;
  }
}
