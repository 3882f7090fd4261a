import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Environment } from './environment';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** A request's id: the caller's X-Request-Id when it is sane, else a new one. Logged and echoed back. */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Structured JSON logs, each HTTP request's lines carrying its id. */
export function loggerParams(environment: Pick<Environment, 'logLevel'>, process: 'api' | 'worker'): Params {
  return {
    pinoHttp: {
      level: environment.logLevel,
      base: { process },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      autoLogging: { ignore: (request: IncomingMessage) => request.url === '/health' },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
      },
    },
  };
}
