import { COMPETENCY_CODE_PATTERN } from '../competency-codes';

/** Slugs and keys: what goes into URLs and progress records, so lowercase ASCII only. */
export const KEY_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
/** Source links: web pages only. */
export const URL_PATTERN = '^https?://[^\\s]+$';

function translatable(maxLength: number) {
  const text = { type: 'string', minLength: 1, maxLength } as const;
  return {
    type: 'object',
    properties: { kk: text, ru: text, en: text },
    additionalProperties: false,
  } as const;
}

const title = translatable(300);
const longText = translatable(5000);
const key = { type: 'string', pattern: KEY_PATTERN, maxLength: 80 } as const;
const competencies = {
  type: 'array',
  items: { type: 'string', pattern: COMPETENCY_CODE_PATTERN },
  uniqueItems: true,
} as const;
const optionalCount = (maximum: number) =>
  ({ type: ['integer', 'null'], minimum: 1, maximum }) as const;

const source = {
  type: 'object',
  required: ['title'],
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 500 },
    url: { type: 'string', pattern: URL_PATTERN, maxLength: 2000 },
  },
  additionalProperties: false,
} as const;

const lesson = {
  type: 'object',
  required: ['key', 'title', 'minutes'],
  properties: {
    key,
    title,
    minutes: { type: 'integer', minimum: 1, maximum: 600 },
    required: { type: 'boolean' },
    competencies,
    sources: { type: 'array', items: source },
  },
  additionalProperties: false,
} as const;

const courseModule = {
  type: 'object',
  required: ['key', 'title', 'lessons'],
  properties: {
    key,
    title,
    lessons: { type: 'array', minItems: 1, items: lesson },
  },
  additionalProperties: false,
} as const;

/** ISO 8601 with a time zone, e.g. `2026-12-01T09:00:00+05:00`. */
const dateTime = {
  type: ['string', 'null'],
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
} as const;

/** `bank-key/item-key`. */
export const ITEM_REF_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$';

const section = {
  type: 'object',
  required: ['key'],
  properties: {
    key,
    title,
    items: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      uniqueItems: true,
      items: { type: 'string', pattern: ITEM_REF_PATTERN, maxLength: 161 },
    },
    draw: {
      type: 'object',
      required: ['bank', 'count'],
      properties: {
        bank: key,
        count: { type: 'integer', minimum: 1, maximum: 200 },
        competencies,
        difficulty: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { enum: ['easy', 'medium', 'hard'] },
        },
        stratify: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    threshold: { type: 'integer', minimum: 0, maximum: 100 },
  },
  // Fixed items or a draw, not both.
  oneOf: [{ required: ['items'] }, { required: ['draw'] }],
  additionalProperties: false,
} as const;

const assessment = {
  type: 'object',
  required: ['key', 'kind', 'title', 'passMark'],
  properties: {
    key,
    kind: { enum: ['quiz', 'final', 'task'] },
    // Optional fields that default to null may also be written as an explicit null (`module: ~`).
    module: { type: ['string', 'null'] },
    title,
    passMark: { type: 'integer', minimum: 0, maximum: 100 },
    timeLimitMinutes: optionalCount(600),
    attemptsAllowed: optionalCount(100),
    required: { type: 'boolean' },
    competencies,
    sections: { type: 'array', maxItems: 20, items: section },
    availableFrom: dateTime,
    availableUntil: dateTime,
    shuffleItems: { type: 'boolean' },
    shuffleOptions: { type: 'boolean' },
    layout: { enum: ['one_per_page', 'all_on_one'] },
    review: {
      type: 'object',
      properties: {
        shows: { enum: ['score', 'answers', 'feedback'] },
        from: { enum: ['submit', 'close', 'never'] },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

/**
 * JSON Schema (draft-07) of `course.yaml`. It checks shapes only; what needs the whole package
 * (unique keys, lesson files, the slug matching its folder) is checked by the loader.
 */
export const COURSE_PACKAGE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Qadam course package (course.yaml)',
  type: 'object',
  required: ['slug', 'level', 'kind', 'languages', 'hours', 'title', 'modules'],
  properties: {
    slug: { type: 'string', pattern: KEY_PATTERN, minLength: 3, maxLength: 80 },
    level: { enum: ['acquire', 'deepen', 'create'] },
    kind: { enum: ['mooc', 'cohort', 'profile'] },
    languages: {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      uniqueItems: true,
      items: { enum: ['kk', 'ru', 'en'] },
    },
    hours: { type: 'integer', minimum: 1, maximum: 1000 },
    title,
    description: longText,
    audience: longText,
    competencies,
    modules: { type: 'array', minItems: 1, items: courseModule },
    assessments: { type: 'array', items: assessment },
  },
  additionalProperties: false,
} as const;

/** A lesson as the editor sends it: the package's lesson with its Markdown bodies inline. */
const documentLesson = {
  ...lesson,
  required: [...lesson.required, 'body'],
  properties: { ...lesson.properties, body: translatable(200_000) },
} as const;

/**
 * JSON Schema of a course document sent to the authoring API: course.yaml without the slug
 * (it is in the URL), with lesson bodies inline.
 */
export const COURSE_DOCUMENT_SCHEMA = {
  ...COURSE_PACKAGE_SCHEMA,
  title: 'Qadam course document (authoring API)',
  required: COURSE_PACKAGE_SCHEMA.required.filter((r) => r !== 'slug'),
  properties: {
    ...Object.fromEntries(
      Object.entries(COURSE_PACKAGE_SCHEMA.properties).filter(([k]) => k !== 'slug'),
    ),
    modules: {
      type: 'array',
      minItems: 1,
      items: {
        ...courseModule,
        properties: {
          ...courseModule.properties,
          lessons: { type: 'array', minItems: 1, items: documentLesson },
        },
      },
    },
  },
};
