import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const VALID_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Keeps a caller's X-Request-Id (a proxy's, say) when it is sane, else makes one. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && VALID_ID.test(given) ? given : randomUUID();
}

/** The id of the current request (Fastify's, from `requestIdFor`), as logged; stored with audit records. */
export const RequestId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | null => {
    const id = ctx.switchToHttp().getRequest<{ id?: unknown }>().id;
    return typeof id === 'string' ? id : null;
  },
);
