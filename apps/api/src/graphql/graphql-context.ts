import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '@majlis/config';
import { Actor } from '@majlis/domain';
import { localeFromAcceptLanguage, unauthenticated, type Reader } from '@majlis/language';
import type { RequestLoaders, RequestLoadersFactory } from './request-loaders';

export const SESSION_COOKIE = 'majlis_session';

/** What every resolver can see of its request, over HTTP or over a subscription's WebSocket. */
export interface GraphqlContext {
  /** The HTTP request and reply; absent on a WebSocket. */
  req?: FastifyRequest;
  reply?: FastifyReply;
  /** The bearer token: the Authorization header or session cookie, or the socket's connection parameters. */
  token: string | undefined;
  /** From Accept-Language; undefined lets each text fall back to its authoritative language. */
  locale: Locale | undefined;
  requestId: string;
  /** Set by the auth guard for operations that need a signed-in person. */
  session: RequestSession;
  loaders: RequestLoaders;
  /** Loaders with empty caches: a subscription's context outlives one event, its reads must not. */
  newLoaders: () => RequestLoaders;
  /** On a WebSocket: closes it (graphql-ws close codes), for a subscriber who may no longer read. */
  closeSocket?: (code: number, reason: string) => void;
}

/** Who is signed in for this request; an object of its own, because Apollo copies the context it is given. */
export interface RequestSession {
  actor?: Actor;
}

/** What graphql-ws hands the context factory for an operation on a WebSocket. */
interface SocketContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra?: { request?: IncomingMessage; socket?: { close(code?: number, reason?: string): void } };
}

const firstHeader = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * Who reads a refusal: the signed-in person in their language and digits, else the language the request
 * asks for (with its own digits), else English.
 */
export function refusalReader(context: Pick<GraphqlContext, 'session' | 'locale'> | undefined): Reader {
  const actor = context?.session?.actor;
  if (actor !== undefined)
    return actor.digits === undefined ? { locale: actor.locale } : { locale: actor.locale, digits: actor.digits };
  return { locale: context?.locale ?? 'en' };
}

/** The language a request asks for in its Accept-Language header, if majlis speaks it. */
export function requestLocale(req: FastifyRequest): Locale | undefined {
  return localeFromAcceptLanguage(firstHeader(req.headers['accept-language']));
}

const bearer = (authorization: string | undefined): string | undefined =>
  authorization !== undefined && /^Bearer\s+\S+$/i.test(authorization) ? authorization.split(/\s+/)[1] : undefined;

const cookieToken = (header: string | undefined): string | undefined => {
  const value = header
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
  return value === undefined || value === '' ? undefined : decodeURIComponent(value);
};

/** The bearer token of a request: the Authorization header first, else the session cookie. */
export function sessionToken(req: FastifyRequest): string | undefined {
  const cookie = req.cookies?.[SESSION_COOKIE];
  return bearer(req.headers.authorization) ?? (cookie === undefined || cookie === '' ? undefined : cookie);
}

const isSocketContext = (value: unknown): value is SocketContext =>
  typeof value === 'object' && value !== null && ('connectionParams' in value || 'extra' in value);

/**
 * The context of one operation. Over HTTP Nest passes the request and reply; over a WebSocket
 * graphql-ws passes its own context, whose connection parameters may carry `authorization` and
 * `accept-language` (a browser's socket also sends the session cookie).
 */
export function graphqlContext(
  request: FastifyRequest | SocketContext,
  reply: FastifyReply | undefined,
  loaders: RequestLoadersFactory,
): GraphqlContext {
  const session: RequestSession = {};
  const actor = (): Actor => {
    if (session.actor === undefined) throw unauthenticated('notSignedIn');
    return session.actor;
  };
  const newLoaders = (): RequestLoaders => loaders.create(actor);
  const shared = { session, loaders: newLoaders(), newLoaders };
  if (isSocketContext(request)) {
    const params = request.connectionParams ?? {};
    const param = (name: string): string | undefined =>
      typeof params[name] === 'string' ? (params[name] as string) : undefined;
    const headers = request.extra?.request?.headers ?? {};
    return {
      ...shared,
      token: bearer(param('authorization')) ?? cookieToken(firstHeader(headers.cookie)),
      locale: localeFromAcceptLanguage(param('accept-language') ?? firstHeader(headers['accept-language'])),
      requestId: randomUUID(),
      closeSocket: (code, reason) => request.extra?.socket?.close(code, reason),
    };
  }
  return {
    ...shared,
    req: request,
    reply,
    token: sessionToken(request),
    locale: requestLocale(request),
    requestId: request.id,
  };
}
