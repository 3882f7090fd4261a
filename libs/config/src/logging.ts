import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Environment } from './environment';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Structured JSON logs; each HTTP request gets an id (the caller's X-Request-Id when sane), echoed back. */
export function loggerParams(environment: Pick<Environment, 'logLevel'>, process: 'api' | 'worker'): Params {
  return {
    pinoHttp: {
      level: environment.logLevel,
      base: { process },
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        response.setHeader('x-request-id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      autoLogging: { ignore: (request: IncomingMessage) => request.url === '/health' },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url }),
      },
    },
  };
}
