export type Lang = 'kk' | 'ru' | 'en';

/** A text in every interface language. */
export type LocalizedText = Record<Lang, string>;

/** The body of every error response (API.md). */
export interface ApiErrorBody {
  statusCode: number;
  /** Stable machine code, e.g. `LADDER_PREREQUISITE`. */
  code: string;
  /** Human message in the language of `Accept-Language` (kk, ru or en). */
  message: string;
  /** For `VALIDATION_FAILED`: one entry per problem. */
  details?: FieldProblem[];
  /** Correlates the response with the server logs; quote it to support. */
  requestId?: string;
}

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `subjects[1]`. */
  field: string;
  /** What is wrong, in the caller's language. */
  problem: string;
  /** Stable key of the broken rule, e.g. `iin.checksum`, `isEmail`. */
  rule: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
