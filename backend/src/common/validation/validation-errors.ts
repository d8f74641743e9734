import type { ValidationArguments, ValidationError, ValidationOptions } from 'class-validator';
import { DomainError, RawFieldProblem } from '../errors/domain-error';
import { RULE_ARG_NAMES } from './messages';

/**
 * class-validator reports a constraint only as (name, message). Our decorators encode the
 * machine-readable part in the message as JSON; this is that encoding.
 */
interface EncodedRule {
  sub?: string;
  args?: unknown[];
}

/** Pass as the options of a parameterised built-in (MaxLength, Min…) so the limit reaches the teacher's message. */
export const withArgs: ValidationOptions = {
  message: (a: ValidationArguments) =>
    JSON.stringify({ args: a.constraints } satisfies EncodedRule),
};

/** For our own validators: the message carries the specific problem, e.g. `checksum`. */
export function encodeProblem(sub: string, args?: unknown[]): string {
  return JSON.stringify({ sub, args } satisfies EncodedRule);
}

function decode(message: string): EncodedRule {
  if (!message.startsWith('{')) return {};
  try {
    return JSON.parse(message) as EncodedRule;
  } catch {
    return {};
  }
}

const BASIC_RULES = [
  'whitelistValidation',
  'isDefined',
  'isNotEmpty',
  'isString',
  'isArray',
  'isInt',
  'isObject',
];

function priority(rule: string): number {
  const i = BASIC_RULES.indexOf(rule);
  return i === -1 ? BASIC_RULES.length : i;
}

export function toFieldProblems(errors: ValidationError[], prefix = ''): RawFieldProblem[] {
  const out: RawFieldProblem[] = [];
  for (const e of errors) {
    const field = /^\d+$/.test(e.property)
      ? `${prefix}[${e.property}]`
      : prefix
        ? `${prefix}.${e.property}`
        : e.property;
    // One problem per field: the most basic broken rule, so "required" is not buried under
    // "too long" and "not text" for the same empty value.
    const constraints = Object.entries(e.constraints ?? {}).sort(
      ([a], [b]) => priority(a) - priority(b),
    );
    for (const [name, message] of constraints.slice(0, 1)) {
      const { sub, args } = decode(message);
      const rule = sub ? `${name}.${sub}` : name;
      const params: Record<string, string | number> = {};
      const argNames = RULE_ARG_NAMES[rule] ?? [];
      (args ?? []).forEach((v, i) => {
        const key = argNames[i] ?? `arg${i}`;
        if (typeof v === 'string' || typeof v === 'number') params[key] = v;
      });
      out.push({ field, rule, params });
    }
    if (e.children?.length) out.push(...toFieldProblems(e.children, field));
  }
  return out;
}

/** The ValidationPipe's exceptionFactory: one 400 VALIDATION_FAILED listing every field. */
export function validationExceptionFactory(errors: ValidationError[]): DomainError {
  return new DomainError('VALIDATION_FAILED', {}, toFieldProblems(errors));
}
