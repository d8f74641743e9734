import type { LocalizedText } from '@qadam/contracts';
import { ERRORS, ErrorCode } from './catalog';

/** Message placeholders; a text given in every language is filled in the caller's one. */
export type ErrorParams = Record<string, string | number | LocalizedText>;

/** A field problem before localisation: `rule` keys into the validation messages. */
export interface RawFieldProblem {
  field: string;
  rule: string;
  params?: Record<string, string | number>;
  /** A message of the capability's own, for rules the shared table does not know. */
  message?: LocalizedText;
}

/**
 * The one error type services throw. The code fixes the status and the message; the filter
 * renders it in the caller's language.
 */
export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly details?: RawFieldProblem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'DomainError';
    this.status = ERRORS[code].status;
  }

  /** A validation failure found by a service rather than by the DTO (same body as the pipe's). */
  static invalid(
    field: string,
    rule: string,
    params?: Record<string, string | number>,
  ): DomainError {
    return new DomainError('VALIDATION_FAILED', {}, [{ field, rule, params }]);
  }
}
