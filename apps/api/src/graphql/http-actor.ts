import type { FastifyRequest } from 'fastify';
import { Actor, IdentityService } from '@majlis/domain';
import { unauthenticated, type Reader } from '@majlis/language';
import { refusalReader, requestLocale, sessionToken } from './graphql-context';

/** The reader of each plain HTTP request whose person is known, for the error filter's refusals. */
const readers = new WeakMap<FastifyRequest, Reader>();

/** Who reads a refusal of a plain HTTP request: its signed-in person, else its Accept-Language. */
export const httpReader = (req: FastifyRequest): Reader => readers.get(req) ?? { locale: requestLocale(req) ?? 'en' };

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
  const actor = await identity.actorFromToken(token, lang === 'ar' || lang === 'en' ? lang : requestLocale(req));
  readers.set(req, refusalReader({ session: { actor }, locale: actor.locale }));
  return actor;
}
