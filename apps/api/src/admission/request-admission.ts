import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Environment } from '@majlis/config';
import { errorMessage } from '@majlis/language';
import { poolSizeFor } from '@majlis/persistence';
import { requestLocale } from '../graphql/graphql-context';

/** The stable code of a request refused or timed out for load: the client may send it again later. */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

export interface AdmissionLimits {
  /** Requests served at once. */
  maxActive: number;
  /** Requests waiting for a turn; beyond them, refused at once. */
  maxWaiting: number;
}

/**
 * A request's place: `admitted` resolves true when it may run, false when it left the line first;
 * `leave` gives its turn (or its wait) up.
 */
export interface AdmissionTicket {
  admitted: Promise<boolean>;
  leave(): void;
}

/**
 * Admits requests up to what the database pool serves, keeps a bounded line of the next ones in arrival
 * order, and refuses the rest at once, so that a crowd meets a clear "busy, retry" instead of pool
 * time-outs, and the health report keeps its connection.
 */
export class RequestAdmission {
  private active = 0;
  private readonly waiting: Array<{ admit(): void; giveUp(): void }> = [];

  constructor(readonly limits: AdmissionLimits) {}

  /** A ticket, or null when the line is full: refuse the request. */
  enter(): AdmissionTicket | null {
    let state: 'waiting' | 'running' | 'left' = 'running';
    let admitted = Promise.resolve(true);
    const waiter = { admit: (): void => undefined, giveUp: (): void => undefined };
    if (this.active < this.limits.maxActive) {
      this.active++;
    } else if (this.waiting.length < this.limits.maxWaiting) {
      state = 'waiting';
      admitted = new Promise<boolean>((resolve) => {
        waiter.admit = () => {
          state = 'running';
          resolve(true);
        };
        waiter.giveUp = () => resolve(false);
      });
      this.waiting.push(waiter);
    } else {
      return null;
    }
    return {
      admitted,
      leave: () => {
        if (state === 'waiting') {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          waiter.giveUp();
        }
        if (state === 'running') this.passTurn();
        state = 'left';
      },
    };
  }

  /** A running request ended: the first in line takes its place. */
  private passTurn(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.active--;
    else next.admit();
  }
}

// The routes that read or write the database for a person; /health and the web client's files are not
// among them, so the health report answers under any load.
const ADMITTED_PATHS = [/^\/graphql(\?|$)/, /^\/meetings\//, /^\/implementation-plans\//];

const limitedRequest = (request: FastifyRequest): boolean =>
  request.headers.upgrade === undefined && ADMITTED_PATHS.some((path) => path.test(request.url));

/** Requests served at once by default: the database pool's connections, at least 2 (embedded has 1). */
export const defaultMaxActive = (environment: Pick<Environment, 'databaseMode'>): number =>
  Math.max(2, poolSizeFor(environment.databaseMode));

/** The refusal: HTTP 503 with `Retry-After`, shaped as a GraphQL answer on /graphql. */
function refuse(request: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number): FastifyReply {
  const message = errorMessage('serviceUnavailable', requestLocale(request) ?? 'en', { seconds: retryAfterSeconds });
  const body = request.url.startsWith('/graphql')
    ? { errors: [{ message, extensions: { code: SERVICE_UNAVAILABLE, retryAfterSeconds } }] }
    : { code: SERVICE_UNAVAILABLE, message };
  return reply
    .code(503)
    .header('retry-after', String(retryAfterSeconds))
    .header('content-type', 'application/json; charset=utf-8')
    .send(body);
}

/** Puts the API's database routes behind admission control (MAJLIS_MAX_ACTIVE_REQUESTS, MAJLIS_MAX_WAITING_REQUESTS). */
export function admitRequests(fastify: FastifyInstance, environment: Environment): RequestAdmission {
  const admission = new RequestAdmission({
    maxActive: environment.maxActiveRequests ?? defaultMaxActive(environment),
    maxWaiting: environment.maxWaitingRequests,
  });
  const tickets = new WeakMap<FastifyRequest, AdmissionTicket>();
  fastify.addHook('onRequest', async (request, reply) => {
    if (!limitedRequest(request)) return;
    const ticket = admission.enter();
    if (ticket === null) return refuse(request, reply, environment.retryAfterSeconds);
    tickets.set(request, ticket);
    // A client that goes away gives its place up, waiting or running.
    reply.raw.once('close', () => ticket.leave());
    if (!(await ticket.admitted)) return reply.code(503).send();
  });
  fastify.addHook('onResponse', async (request) => {
    tickets.get(request)?.leave();
  });
  return admission;
}
