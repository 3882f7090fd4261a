import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '@majlis/config';
import { Actor, localeFromAcceptLanguage, unauthenticated } from '@majlis/domain';
import type { RequestLoaders, RequestLoadersFactory } from './request-loaders';

export const SESSION_COOKIE = 'majlis_session';

/** What every resolver can see of its request. */
export interface GraphqlContext {
  req: FastifyRequest;
  reply: FastifyReply;
  /** From Accept-Language; undefined lets each text fall back to its authoritative language. */
  locale: Locale | undefined;
  requestId: string;
  /** Set by the auth guard for operations that need a signed-in person. */
  session: RequestSession;
  loaders: RequestLoaders;
}

/** Who is signed in for this request; an object of its own, because Apollo copies the context it is given. */
export interface RequestSession {
  actor?: Actor;
}

/** The language a request asks for in its Accept-Language header, if majlis speaks it. */
export function requestLocale(req: FastifyRequest): Locale | undefined {
  const header = req.headers['accept-language'];
  return localeFromAcceptLanguage(Array.isArray(header) ? header[0] : header);
}

export function graphqlContext(
  req: FastifyRequest,
  reply: FastifyReply,
  loaders: RequestLoadersFactory,
): GraphqlContext {
  const session: RequestSession = {};
  const actor = (): Actor => {
    if (session.actor === undefined) throw unauthenticated('notSignedIn');
    return session.actor;
  };
  return { req, reply, locale: requestLocale(req), requestId: req.id, session, loaders: loaders.create(actor) };
}

/** The bearer token of a request: the Authorization header first, else the session cookie. */
export function sessionToken(req: FastifyRequest): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization !== undefined && /^Bearer\s+\S+$/i.test(authorization)) return authorization.split(/\s+/)[1];
  const cookie = req.cookies?.[SESSION_COOKIE];
  return cookie === undefined || cookie === '' ? undefined : cookie;
}
