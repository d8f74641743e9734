import type { FieldProblem } from '@qadam/contracts';
import { ApiError } from '../core/api-client';

/** The API's per-field problems, by field, and the message for the form as a whole. */
export function formErrors(
  e: unknown,
  fallback: string,
): {
  form: string;
  fields: Record<string, string>;
} {
  if (!(e instanceof ApiError)) return { form: fallback, fields: {} };
  const fields: Record<string, string> = {};
  for (const d of (e.body?.details ?? []) as FieldProblem[]) fields[d.field] ??= d.problem;
  return { form: e.message, fields };
}
