import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody, FieldProblem, Lang } from '@qadam/contracts';
import { fill, inLang, resolveLang } from '../i18n/lang';
import { RULE_MESSAGES } from '../validation/messages';
import { ERRORS, ErrorCode } from './catalog';
import { DomainError, ErrorParams, RawFieldProblem } from './domain-error';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_ATTEMPTS',
  503: 'SERVICE_UNAVAILABLE',
};

interface Normalised {
  status: number;
  code: ErrorCode;
  params: ErrorParams;
  details?: RawFieldProblem[];
  headers: Record<string, string>;
}

/** Errors raised by Fastify itself (body parsing, size limits) carry a numeric statusCode. */
function isHttpLikeError(e: unknown): e is { statusCode: number } {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { statusCode?: unknown }).statusCode === 'number'
  );
}

/** Maps any thrown value onto a catalogued code; anything unknown is a 500. */
export function normalise(exception: unknown): Normalised {
  if (exception instanceof DomainError) {
    const { status, code, params, details, headers } = exception;
    return { status, code, params, details, headers };
  }
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : isHttpLikeError(exception)
        ? exception.statusCode
        : 500;
  if (status >= 500 && status !== 503) {
    return { status: 500, code: 'INTERNAL_ERROR', params: {}, headers: {} };
  }
  const code = CODE_BY_STATUS[status] ?? (status < 500 ? 'REQUEST_REJECTED' : 'INTERNAL_ERROR');
  return { status, code, params: {}, headers: {} };
}

export function localiseDetails(details: RawFieldProblem[], lang: Lang): FieldProblem[] {
  return details.map(({ field, rule, params, message }) => ({
    field,
    rule,
    problem: fill((message ?? RULE_MESSAGES[rule] ?? RULE_MESSAGES.invalid)[lang], params),
  }));
}

/** The single place where errors become HTTP responses, in the body API.md promises. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = String(request.id ?? '');
    const n = normalise(exception);
    if (n.status >= 500) {
      // The stack goes to the log, keyed by the request id; never to the client.
      this.logger.error({ err: exception, requestId }, 'request failed');
    }
    const lang = resolveLang(request.headers?.['accept-language']);
    const body: ApiErrorBody = {
      statusCode: n.status,
      code: n.code,
      message: fill(ERRORS[n.code].message[lang], { ...inLang(n.params, lang), requestId }),
      ...(n.details ? { details: localiseDetails(n.details, lang) } : {}),
      ...(requestId ? { requestId } : {}),
    };
    void reply.status(n.status).headers(n.headers).send(body);
  }
}
