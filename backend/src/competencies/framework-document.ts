import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import type { TranslatableText } from '@qadam/contracts';

/** A framework as data: the bundled YAML files and the admin API share this format. */
export interface FrameworkDocument {
  code: string;
  version: string;
  title: TranslatableText;
  publisher: string;
  url: string;
  licence?: string;
  citation?: string;
  competencies: {
    code: string;
    kind: string;
    parent?: string;
    level?: string;
    name: TranslatableText;
    description?: TranslatableText;
    aliases?: string[];
    goals?: ({ code: string } & TranslatableText)[];
  }[];
}

/** A crosswalk between two frameworks, by local codes. */
export interface CrosswalkDocument {
  from: string;
  to: string;
  note?: TranslatableText;
  links: { from: string; to: string; note?: TranslatableText }[];
}

/** JSON Schema of a text required in kk, ru and en (frameworks and trajectory rules). */
export function localText<N extends number>(maxLength: N) {
  const s = { type: 'string', minLength: 1, maxLength } as const;
  return {
    type: 'object',
    required: ['kk', 'ru', 'en'],
    properties: { kk: s, ru: s, en: s },
    additionalProperties: false,
  } as const;
}

const text = localText(2000);

const localCode = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$' } as const;

export const FRAMEWORK_SCHEMA = {
  type: 'object',
  required: ['code', 'version', 'title', 'publisher', 'url', 'competencies'],
  properties: {
    code: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,39}$' },
    version: { type: 'string', minLength: 1, maxLength: 40 },
    title: text,
    publisher: { type: 'string', minLength: 1, maxLength: 200 },
    url: { type: 'string', pattern: '^https?://', maxLength: 500 },
    licence: { type: 'string', maxLength: 500 },
    citation: { type: 'string', maxLength: 1000 },
    competencies: {
      type: 'array',
      minItems: 1,
      maxItems: 2000,
      items: {
        type: 'object',
        required: ['code', 'kind', 'name'],
        properties: {
          code: localCode,
          kind: { type: 'string', pattern: '^[a-z]{2,12}$' },
          parent: localCode,
          level: { type: 'string', pattern: '^[a-z]{2,12}$' },
          name: text,
          description: text,
          aliases: { type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: 10 },
          goals: {
            type: 'array',
            maxItems: 20,
            items: {
              type: 'object',
              required: ['code', 'kk', 'ru', 'en'],
              properties: {
                code: localCode,
                kk: text.properties.kk,
                ru: text.properties.ru,
                en: text.properties.en,
              },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

const CROSSWALK_SCHEMA = {
  type: 'object',
  required: ['from', 'to', 'links'],
  properties: {
    from: { type: 'string' },
    to: { type: 'string' },
    note: text,
    links: {
      type: 'array',
      items: {
        type: 'object',
        required: ['from', 'to'],
        properties: { from: localCode, to: localCode, note: text },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

const ajv = new Ajv({ allErrors: true });
const validateFramework = ajv.compile(FRAMEWORK_SCHEMA);
const validateCrosswalk = ajv.compile(CROSSWALK_SCHEMA);

/** What is wrong with a framework document: JSON paths with reasons; empty when none. */
export function frameworkProblems(doc: unknown): { field: string; message: string }[] {
  if (!validateFramework(doc)) {
    return (validateFramework.errors ?? []).map((e) => ({
      field: e.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(document)',
      message: e.message ?? 'is not valid',
    }));
  }
  const d = doc as FrameworkDocument;
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  d.competencies.forEach((c, i) => {
    if (seen.has(c.code))
      problems.push({ field: `competencies.${i}.code`, message: `repeats ${c.code}` });
    seen.add(c.code);
  });
  d.competencies.forEach((c, i) => {
    if (c.parent !== undefined && !seen.has(c.parent)) {
      problems.push({ field: `competencies.${i}.parent`, message: `no competency ${c.parent}` });
    }
  });
  return problems;
}

/**
 * The data files live beside this code in the repository; the compiled copy in dist/ finds
 * them by walking up to the checkout (or the image, which copies them to the same path).
 */
export function frameworksDir(start = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    for (const candidate of [
      join(dir, 'frameworks'),
      join(dir, 'backend/src/competencies/frameworks'),
    ]) {
      if (existsSync(join(candidate, 'unesco-cft.yaml'))) return candidate;
    }
    if (dirname(dir) === dir)
      throw new Error('competency frameworks not found (backend/src/competencies/frameworks)');
  }
}

/** The frameworks and crosswalks shipped in the repository (`frameworks/*.yaml`). */
export function bundledDocuments(dir = frameworksDir()): {
  frameworks: FrameworkDocument[];
  crosswalks: CrosswalkDocument[];
} {
  const frameworks: FrameworkDocument[] = [];
  const crosswalks: CrosswalkDocument[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const doc: unknown = YAML.parse(readFileSync(join(dir, file), 'utf8'));
    if (file.startsWith('crosswalk-')) {
      if (!validateCrosswalk(doc))
        throw new Error(`${file}: ${ajv.errorsText(validateCrosswalk.errors)}`);
      crosswalks.push(doc as CrosswalkDocument);
    } else {
      const problems = frameworkProblems(doc);
      if (problems.length) {
        throw new Error(`${file}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
      }
      frameworks.push(doc as FrameworkDocument);
    }
  }
  return { frameworks, crosswalks };
}
