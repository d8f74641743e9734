import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import { EntityManager } from 'typeorm';
import { frameworksDir, localText } from './framework-document';
import type { TrajectoryRule } from './trajectory';

const text = localText(1000);
const list = { type: 'array', items: { type: 'string', maxLength: 80 }, maxItems: 50 } as const;

export const RULE_SCHEMA = {
  type: 'object',
  required: ['key', 'priority', 'when', 'recommend', 'because', 'uses'],
  properties: {
    key: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,59}$' },
    priority: { type: 'integer', minimum: 0, maximum: 10000 },
    enabled: { type: 'boolean' },
    when: {
      type: 'object',
      properties: {
        rung: { type: 'array', items: { enum: ['none', 'acquire', 'deepen', 'create'] } },
        schoolKind: list,
        subjects: list,
        grades: list,
        gaps: { const: 'any' },
      },
      additionalProperties: false,
    },
    recommend: {
      oneOf: [
        {
          type: 'object',
          required: ['type', 'level'],
          properties: {
            type: { const: 'course' },
            level: { enum: ['acquire', 'deepen', 'create'] },
            kind: { type: 'string', maxLength: 20 },
            slugs: list,
          },
          additionalProperties: false,
        },
        {
          type: 'object',
          required: ['type', 'max'],
          properties: {
            type: { const: 'lessons' },
            max: { type: 'integer', minimum: 1, maximum: 20 },
          },
          additionalProperties: false,
        },
      ],
    },
    because: text,
    uses: list,
  },
  additionalProperties: false,
} as const;

const ajv = new Ajv({ allErrors: true });
export const validateRule = ajv.compile(RULE_SCHEMA);

/** The rules shipped in `trajectory-rules.yaml`, beside the frameworks. */
export function bundledRules(): TrajectoryRule[] {
  const file = join(frameworksDir(), '..', 'trajectory-rules.yaml');
  const doc = YAML.parse(readFileSync(file, 'utf8')) as { rules: unknown[] };
  return doc.rules.map((r, i) => {
    if (!validateRule(r)) {
      throw new Error(
        `trajectory-rules.yaml rule ${i + 1}: ${ajv.errorsText(validateRule.errors)}`,
      );
    }
    return { enabled: true, ...(r as Omit<TrajectoryRule, 'enabled'>) } as TrajectoryRule;
  });
}

/** Loads the bundled rules; a rule an admin changed keeps the admin's version. */
export async function seedRules(m: EntityManager): Promise<number> {
  const rules = bundledRules();
  await m.query(
    `INSERT INTO trajectory_rules (key, definition, source)
     SELECT r.key, r.definition, 'bundled'
       FROM jsonb_to_recordset($1::jsonb) AS r(key text, definition jsonb)
     ON CONFLICT (key) DO UPDATE SET definition = EXCLUDED.definition, updated_at = now()
      WHERE trajectory_rules.source = 'bundled'`,
    [JSON.stringify(rules.map((r) => ({ key: r.key, definition: r })))],
  );
  return rules.length;
}
