import type { FastifyInstance } from 'fastify';
import type { Environment } from '@majlis/config';
import { localeFromAcceptLanguage } from '@majlis/language';
import { SESSION_COOKIE } from '../graphql/graphql-context';
import { cookieAuthenticated, foreignOriginMessage, originAllowed } from './same-origin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request (POST /graphql, the queue dashboard's actions, …) that a page of another
 * site makes with the browser's session cookie: 403 FORBIDDEN, before any route runs. Requests with a bearer
 * token, and requests from no web page (no Origin header), are not affected.
 */
export function registerHttpSecurity(fastify: FastifyInstance, environment: Environment): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (!cookieAuthenticated(request.headers, SESSION_COOKIE)) return;
    if (originAllowed(request.headers, environment)) return;
    const header = request.headers['accept-language'];
    const locale = localeFromAcceptLanguage(Array.isArray(header) ? header[0] : header) ?? 'en';
    const message = foreignOriginMessage(locale);
    const path = request.url.split('?')[0];
    await reply
      .status(403)
      .send(
        path === '/graphql'
          ? { errors: [{ message, extensions: { code: 'FORBIDDEN' } }] }
          : { code: 'FORBIDDEN', message },
      );
  });
}
