import { Actor, IdentityService } from '@majlis/domain';
import { DomainError } from '@majlis/language';
import type { GraphqlContext } from '../graphql/graphql-context';

/** graphql-ws's close code for a refused subscriber (CloseCode.Forbidden). */
const FORBIDDEN = 4403;

/** A subscriber whose session ended, who was deactivated, or who may no longer see what they follow. */
const noLongerReads = (error: unknown): boolean =>
  error instanceof DomainError && ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'].includes(error.code);

/**
 * Reads one event for its subscriber as they stand now: the token is checked again (signed out, deactivated,
 * roles changed) and the read runs with fresh loaders as that person. One who may no longer read has their
 * socket closed (4403), so nothing more reaches them.
 */
export async function readForSubscriber<T>(
  identity: IdentityService,
  context: GraphqlContext,
  read: (actor: Actor) => Promise<T>,
): Promise<T> {
  try {
    if (context.token === undefined) throw new DomainError('UNAUTHENTICATED', 'notSignedIn');
    const actor = await identity.actorFromToken(context.token, context.locale);
    context.session.actor = actor;
    context.loaders = context.newLoaders();
    return await read(actor);
  } catch (error) {
    if (noLongerReads(error)) context.closeSocket?.(FORBIDDEN, 'Forbidden');
    throw error;
  }
}
