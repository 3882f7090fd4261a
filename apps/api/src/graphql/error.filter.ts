import { ArgumentsHost, Catch, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { GqlArgumentsHost, GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { InjectEnvironment, type Environment } from '@majlis/config';
import { DomainError, errorMessage } from '@majlis/language';
import { isPoolTimeout } from '@majlis/persistence';
import { SERVICE_UNAVAILABLE } from '../admission/request-admission';
import { GraphqlContext, refusalReader } from './graphql-context';
import { httpReader } from './http-actor';

const HTTP_STATUS: Record<DomainError['code'], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  INVALID_TRANSITION: 409,
  VERSION_CONFLICT: 409,
  BALLOT_CLOSED: 409,
  NOT_ELIGIBLE: 403,
  TOO_MANY_REQUESTS: 429,
};

/** Seconds to wait, for the Retry-After header of a refusal that has one. */
const retryAfter = (error: DomainError): string | undefined =>
  error.code === 'TOO_MANY_REQUESTS' ? String(error.params.retryAfterSeconds) : undefined;

/** The version a VERSION_CONFLICT found, for a client to load it and show both texts. */
const currentVersion = (error: DomainError): { currentVersion: number } | undefined =>
  error.code === 'VERSION_CONFLICT' ? { currentVersion: Number(error.params.current) } : undefined;

/**
 * Turns every refusal into a message in the caller's language with a stable code; anything unexpected
 * is logged with its stack and shown only as a reference, never as a trace.
 */
@Catch()
export class ErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@InjectEnvironment() private readonly environment: Environment) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return this.graphqlError(exception, host);
    this.replyHttp(exception, host);
    return undefined;
  }

  private graphqlError(exception: unknown, host: ArgumentsHost): GraphQLError {
    const context = GqlArgumentsHost.create(host).getContext<GraphqlContext>();
    const locale = refusalReader(context);
    if (exception instanceof DomainError) {
      const wait = retryAfter(exception);
      return new GraphQLError(exception.localizedMessage(locale), {
        extensions: {
          code: exception.code,
          ...(exception.field === undefined ? {} : { field: exception.field }),
          ...currentVersion(exception),
          ...(wait === undefined
            ? {}
            : {
                retryAfterSeconds: Number(wait),
                http: { status: 429, headers: new HeaderMap([['retry-after', wait]]) },
              }),
        },
      });
    }
    if (exception instanceof GraphQLError) return exception;
    if (isPoolTimeout(exception)) {
      // Overload, not a fault: the client may retry, as when admission control refuses a request.
      this.logger.warn({ requestId: context.requestId }, 'no database connection within the pool timeout');
      const seconds = this.environment.retryAfterSeconds;
      return new GraphQLError(errorMessage('serviceUnavailable', locale, { seconds }), {
        extensions: {
          code: SERVICE_UNAVAILABLE,
          retryAfterSeconds: seconds,
          http: { status: 503, headers: new Map([['retry-after', String(seconds)]]) },
        },
      });
    }
    this.logger.error({ err: exception, requestId: context.requestId }, 'unexpected error in a GraphQL operation');
    return new GraphQLError(errorMessage('internal', locale, { requestId: context.requestId }), {
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: context.requestId },
    });
  }

  private replyHttp(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const locale = httpReader(request);
    if (exception instanceof NotFoundException) {
      const path = request.url.split('?')[0];
      void reply.status(404).send({ code: 'NOT_FOUND', message: errorMessage('noRoute', locale, { path }) });
      return;
    }
    if (exception instanceof DomainError) {
      const wait = retryAfter(exception);
      if (wait !== undefined) void reply.header('retry-after', wait);
      void reply
        .status(HTTP_STATUS[exception.code])
        .send({ code: exception.code, message: exception.localizedMessage(locale) });
      return;
    }
    if (isPoolTimeout(exception)) {
      const seconds = this.environment.retryAfterSeconds;
      void reply
        .status(503)
        .header('retry-after', String(seconds))
        .send({ code: SERVICE_UNAVAILABLE, message: errorMessage('serviceUnavailable', locale, { seconds }) });
      return;
    }
    // Other HTTP exceptions carry their own body, e.g. the health report with a 503.
    if (exception instanceof HttpException) {
      void reply.status(exception.getStatus()).send(exception.getResponse());
      return;
    }
    this.logger.error({ err: exception, requestId: String(request.id) }, 'unexpected error in an HTTP route');
    void reply.status(500).send({
      code: 'INTERNAL_SERVER_ERROR',
      message: errorMessage('internal', locale, { requestId: String(request.id) }),
    });
  }
}
