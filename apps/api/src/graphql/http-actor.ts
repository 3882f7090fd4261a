import type { FastifyRequest } from 'fastify';
import { Actor, IdentityService } from '@majlis/domain';
import { unauthenticated } from '@majlis/language';
import { requestLocale, sessionToken } from './graphql-context';

/**
 * The person behind a plain HTTP request (a file download): bearer token or session cookie, speaking
 * `?lang=ar|en` when given, else the request's Accept-Language. UNAUTHENTICATED when nobody signed in.
 */
export async function httpActor(
  identity: IdentityService,
  req: FastifyRequest,
  lang: string | undefined,
): Promise<Actor> {
  const token = sessionToken(req);
  if (token === undefined) throw unauthenticated('notSignedIn');
  return identity.actorFromToken(token, lang === 'ar' || lang === 'en' ? lang : requestLocale(req));
}
