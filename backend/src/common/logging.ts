import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { Env } from '../config/env';
import { requestIdFor } from './http/request-id';

/** Structured JSON logs, one line per request with its id; credentials never reach the log. */
export function loggerParams(env: Pick<Env, 'LOG_LEVEL'>): Params {
  return {
    pinoHttp: {
      level: env.LOG_LEVEL,
      // Fastify has already named the request (see createApp); this is only a fallback.
      genReqId: (req: IncomingMessage) => requestIdFor(req),
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    },
    // Every route, in the path syntax of Nest 11 (the default `*` draws a deprecation warning),
    // but the autosave: thousands a second on an exam day, each answer's time is in the
    // database, and a fault on it is still logged by the exception filter.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    exclude: [{ path: 'attempts/:id/responses/:itemId', method: RequestMethod.PUT }],
  };
}
