import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Environment, Locale } from '@majlis/config';
import { DomainError, errorMessage, forbidden, unauthenticated, type Reader } from '@majlis/language';
import { IdentityService, Role } from '@majlis/domain';
import { JobProducer, QUEUE_NAMES, queueBackendKind } from '@majlis/queue';
import { requestLocale, sessionToken } from '../graphql/graphql-context';

const QUEUE_DASHBOARD_PATH = '/admin/queues';

const REFUSAL_STATUS: Partial<Record<DomainError['code'], number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

const NOT_AVAILABLE: Record<Locale, string> = {
  en: "The queue dashboard needs Redis: set REDIS_URL. With the PostgreSQL queue backend, see the worker's logs and failedDeliveries.",
  ar: 'لوحة الطوابير تحتاج إلى Redis: اضبط REDIS_URL. مع طوابير PostgreSQL، راجع سجلات العامل و failedDeliveries.',
};

/**
 * Bull Board at /admin/queues for people with the ADMIN role. Every route of the dashboard (page,
 * static files, JSON API) sits in one encapsulated plugin whose onRequest hook checks the session, so
 * no other route is affected. Bull Board reads Redis; on the PostgreSQL queue backend admins get a 404
 * that says so.
 */
export async function mountQueueDashboard(app: NestFastifyApplication, environment: Environment): Promise<void> {
  const identity = app.get(IdentityService);
  const producer = app.get(JobProducer);

  // Raw Fastify routes are outside Nest's exception filter: refusals are answered here, in its shape.
  const admitAdmin = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    let locale: Reader | Locale = requestLocale(request) ?? 'en';
    try {
      const token = sessionToken(request);
      if (token === undefined) throw unauthenticated('notSignedIn');
      const actor = await identity.actorFromToken(token, requestLocale(request));
      locale = actor.digits === undefined ? actor.locale : { locale: actor.locale, digits: actor.digits };
      if (!actor.roles.includes(Role.ADMIN)) throw forbidden('openQueueDashboard');
      return undefined;
    } catch (error) {
      const status = error instanceof DomainError ? REFUSAL_STATUS[error.code] : undefined;
      if (error instanceof DomainError && status !== undefined)
        return reply.status(status).send({ code: error.code, message: error.localizedMessage(locale) });
      request.log.error({ err: error }, 'unexpected error while checking access to the queue dashboard');
      const message = errorMessage('internal', locale, { requestId: request.id });
      return reply.status(500).send({ code: 'INTERNAL_SERVER_ERROR', message });
    }
  };

  const dashboard = async (scope: FastifyInstance): Promise<void> => {
    scope.addHook('onRequest', admitAdmin);
    const redis = queueBackendKind(environment) === 'redis';
    // A handler of its own, so that an unknown path under the dashboard also asks for an admin first.
    scope.setNotFoundHandler(async (request, reply) => {
      const locale = requestLocale(request) ?? 'en';
      if (!redis) return reply.status(404).send({ code: 'NOT_AVAILABLE', message: NOT_AVAILABLE[locale] });
      const path = request.url.split('?')[0];
      return reply.status(404).send({ code: 'NOT_FOUND', message: errorMessage('noRoute', locale, { path }) });
    });
    if (!redis) return;
    const board = new FastifyAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: QUEUE_NAMES.map((name) => new BullMQAdapter(producer.queue(name))),
      serverAdapter: board,
    });
    await scope.register(board.registerPlugin());
  };

  await app.register(dashboard, { prefix: QUEUE_DASHBOARD_PATH });
}
