import { randomBytes } from 'node:crypto';
import Ajv from 'ajv';
import type { ItemDefinition, Lang } from '@qadam/contracts';
import { DomainError, RawFieldProblem } from '../common/errors/domain-error';
import { fieldOf } from '../courses/course-document';
import { Emit, reportSchemaError } from '../courses/package/package-loader';
import { problemMessages } from '../courses/package/package-problems';
import { assignIds, checkItem, ITEM_RULE_MESSAGES, ITEM_SCHEMA } from './items/item-schema';

const validate = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true }).compile(
  ITEM_SCHEMA,
);

/** Every problem of an item definition, as API field problems under `field`. */
export function itemProblems(raw: unknown, field: string, languages?: Lang[]): RawFieldProblem[] {
  const problems: RawFieldProblem[] = [];
  const emit: Emit = (path, rule, params = {}) =>
    problems.push({
      field: fieldOf([field, ...path]),
      rule,
      params,
      message: problemMessages(rule, params),
    });
  if (!validate(raw)) {
    // ajv adds an `if` error above the real ones inside each type's `then`.
    for (const e of validate.errors ?? []) if (e.keyword !== 'if') reportSchemaError(e, emit);
    return problems;
  }
  for (const p of checkItem(raw as ItemDefinition, { languages })) {
    problems.push({
      field: p.path ? `${field}.${p.path}` : field,
      rule: p.rule,
      params: p.params,
      message: ITEM_RULE_MESSAGES[p.rule],
    });
  }
  return problems;
}

/** A random, opaque choice id: it says nothing of the author's order or of the key. */
export function randomChoiceId(): string {
  return randomBytes(6).toString('base64url');
}

/** Checks a definition from the API (400 listing every problem) and gives its choices ids. */
export function assertValidItem(raw: unknown, field = 'definition'): ItemDefinition {
  const problems = itemProblems(raw, field);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', {}, problems);
  const { key: _key, ...definition } = raw as ItemDefinition & { key?: string };
  return assignIds(definition as ItemDefinition, randomChoiceId);
}
