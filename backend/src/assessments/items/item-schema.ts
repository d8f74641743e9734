import type {
  ChoiceOption,
  ItemDefinition,
  Lang,
  MatchingItem,
  TextChoice,
  TranslatableText,
} from '@qadam/contracts';
import { COMPETENCY_CODE_PATTERN } from '../../courses/competency-codes';
import { KEY_PATTERN } from '../../courses/package/course-package.schema';
import { normaliseAnswer } from './normalise';

/** Ids of choices, pieces, criteria and levels: safe in URLs, JSON keys and HTML ids. */
export const CHOICE_ID_PATTERN = '^[A-Za-z0-9_-]{1,40}$';
/** Longest essay or task answer when the item states none. */
export const DEFAULT_MAX_LENGTH = 20_000;
/**
 * How far the positive fractions of a `fractions` multiple choice may miss 1 (0.33 × 3); compare
 * with a float margin, as 1 − 0.99 is a hair above 0.01.
 */
export const FRACTION_SUM_TOLERANCE = 0.01;

// ---- JSON Schema ------------------------------------------------------------------------------

/** At least one language: an item text that is empty in every language shows nothing. */
function translatable(maxLength: number) {
  const text = { type: 'string', minLength: 1, maxLength } as const;
  return {
    type: 'object',
    properties: { kk: text, ru: text, en: text },
    additionalProperties: false,
    minProperties: 1,
  } as const;
}

const promptText = translatable(10_000);
const choiceText = translatable(2_000);
const feedbackText = translatable(5_000);
const choiceId = { type: 'string', pattern: CHOICE_ID_PATTERN } as const;
const competencies = {
  type: 'array',
  minItems: 1,
  items: { type: 'string', pattern: COMPETENCY_CODE_PATTERN },
  uniqueItems: true,
} as const;
const fraction = { type: 'number', minimum: -1, maximum: 1 } as const;
const share = { type: 'number', minimum: 0, maximum: 1 } as const;
const structureScoring = { enum: ['all_or_nothing', 'partial'] } as const;

const textChoice = {
  type: 'object',
  required: ['text'],
  properties: { id: choiceId, text: choiceText },
  additionalProperties: false,
} as const;

const choiceOption = {
  type: 'object',
  required: ['text'],
  properties: {
    id: choiceId,
    text: choiceText,
    correct: { type: 'boolean' },
    fraction,
    feedback: feedbackText,
  },
  additionalProperties: false,
} as const;

// Minimum counts (two options, two pairs, a full-credit answer…) are left to checkItem, which
// names the rule; the schema only caps sizes so a hostile document cannot grow without bound.
const options = { type: 'array', maxItems: 20, items: choiceOption } as const;

const acceptedAnswer = {
  type: 'object',
  required: ['text'],
  properties: {
    text: { type: 'string', minLength: 1, maxLength: 1_000 },
    fraction: share,
    feedback: feedbackText,
  },
  additionalProperties: false,
} as const;

// Tolerance ≥ 0 is checked by checkItem (`item.negative-tolerance`), so it is reported once.
const numericAnswer = {
  type: 'object',
  required: ['value'],
  properties: {
    value: { type: 'number' },
    tolerance: { type: 'number' },
    fraction: share,
    feedback: feedbackText,
  },
  additionalProperties: false,
} as const;

const rubric = {
  type: 'object',
  required: ['criteria'],
  properties: {
    criteria: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['title', 'levels'],
        properties: {
          id: choiceId,
          title: choiceText,
          competencies: { ...competencies, minItems: 0 },
          levels: {
            type: 'array',
            maxItems: 10,
            items: {
              type: 'object',
              required: ['title', 'points'],
              properties: {
                id: choiceId,
                title: choiceText,
                points: { type: 'number', minimum: 0, maximum: 100 },
                meets: { type: 'boolean' },
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

/** Every item type, in the order authors meet them. */
export const ITEM_TYPES = [
  'single',
  'multiple',
  'true_false',
  'matching',
  'ordering',
  'short_answer',
  'numeric',
  'essay',
  'task',
] as const;

/** What every item has, checked once at the top level. */
const baseProperties = {
  type: { enum: ITEM_TYPES },
  key: { type: 'string', pattern: KEY_PATTERN, maxLength: 80 },
  prompt: promptText,
  competencies,
  difficulty: { enum: ['easy', 'medium', 'hard'] },
  points: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
  feedback: {
    type: 'object',
    properties: { correct: feedbackText, incorrect: feedbackText, general: feedbackText },
    additionalProperties: false,
  },
} as const;

/**
 * One `if type = X then …` block. `then` lists the base fields as `true` (already checked above)
 * so that `additionalProperties: false` rejects the fields of other types, and an unknown field is
 * reported once, by the block of the item's own type.
 */
function typeBlock(
  types: readonly string[],
  required: readonly string[],
  properties: Record<string, unknown>,
) {
  return {
    if: {
      properties: { type: types.length === 1 ? { const: types[0] } : { enum: types } },
      required: ['type'],
    },
    then: {
      required,
      properties: {
        ...Object.fromEntries(Object.keys(baseProperties).map((k) => [k, true])),
        ...properties,
      },
      additionalProperties: false,
    },
  };
}

/**
 * JSON Schema (draft-07, for ajv 8) of an `ItemDefinition`, as the item editor sends it and as
 * question banks in packages write it (there with a `key`). Choice ids may be left out: the server
 * gives them (`assignIds`). It checks shapes and sizes; what needs the whole item (one correct
 * option, unique ids, translations) is `checkItem`'s.
 */
export const ITEM_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Qadam assessment item',
  type: 'object',
  required: ['type', 'prompt', 'competencies', 'difficulty'],
  properties: baseProperties,
  allOf: [
    typeBlock(['single'], ['options'], { options }),
    typeBlock(['multiple'], ['options'], {
      options,
      scoring: { enum: ['all_or_nothing', 'partial', 'fractions'] },
    }),
    typeBlock(['true_false'], ['answer'], { answer: { type: 'boolean' } }),
    typeBlock(['matching'], ['pairs'], {
      pairs: {
        type: 'array',
        maxItems: 20,
        items: {
          type: 'object',
          required: ['left', 'right'],
          properties: { left: textChoice, right: textChoice },
          additionalProperties: false,
        },
      },
      distractors: { type: 'array', maxItems: 20, items: textChoice },
      scoring: structureScoring,
    }),
    typeBlock(['ordering'], ['sequence'], {
      sequence: { type: 'array', maxItems: 20, items: textChoice },
      scoring: structureScoring,
    }),
    typeBlock(['short_answer'], ['answers'], {
      answers: { type: 'array', maxItems: 50, items: acceptedAnswer },
      caseSensitive: { type: 'boolean' },
    }),
    typeBlock(['numeric'], ['answers'], {
      answers: { type: 'array', maxItems: 50, items: numericAnswer },
    }),
    typeBlock(['essay', 'task'], ['rubric'], {
      rubric,
      maxLength: { type: 'integer', minimum: 1, maximum: 100_000 },
    }),
  ],
} as const;

// ---- Semantic rules ---------------------------------------------------------------------------

type Messages = Record<Lang, string>;

/** Messages per rule of `checkItem`, with `{param}` placeholders. */
export const ITEM_RULE_MESSAGES = {
  'item.too-few-options': {
    kk: 'Кемінде {min} жауап нұсқасы керек',
    ru: 'Нужно не меньше {min} вариантов ответа',
    en: 'At least {min} options are needed',
  },
  'item.single-one-correct': {
    kk: 'Дәл бір нұсқа дұрыс деп белгіленуі керек (қазір: {count})',
    ru: 'Правильным должен быть отмечен ровно один вариант (сейчас: {count})',
    en: 'Exactly one option must be marked correct (now: {count})',
  },
  'item.single-no-full-fraction': {
    kk: 'Үлестері бар нұсқалардың кемінде біреуінің үлесі 1 болуы керек',
    ru: 'Когда у вариантов указаны доли, хотя бы у одного доля должна быть равна 1',
    en: 'When options carry fractions, at least one must have a fraction of 1',
  },
  'item.multiple-no-correct': {
    kk: 'Кемінде бір нұсқа дұрыс деп белгіленуі керек',
    ru: 'Хотя бы один вариант должен быть отмечен правильным',
    en: 'At least one option must be marked correct',
  },
  'item.fractions-sum': {
    kk: 'Оң үлестердің қосындысы 1-ге тең болуы керек (қазір: {sum})',
    ru: 'Сумма положительных долей должна быть равна 1 (сейчас: {sum})',
    en: 'The positive fractions must add up to 1 (now: {sum})',
  },
  'item.duplicate-id': {
    kk: '«{id}» идентификаторы осы тізімде қайталанып тұр',
    ru: 'Идентификатор «{id}» повторяется в этом списке',
    en: 'The id "{id}" is repeated in this list',
  },
  'item.too-few-pairs': {
    kk: 'Сәйкестендіруге кемінде {min} жұп керек',
    ru: 'Для сопоставления нужно не меньше {min} пар',
    en: 'Matching needs at least {min} pairs',
  },
  'item.too-few-pieces': {
    kk: 'Ретке келтіруге кемінде {min} элемент керек',
    ru: 'Для упорядочивания нужно не меньше {min} элементов',
    en: 'Ordering needs at least {min} pieces',
  },
  'item.no-full-answer': {
    kk: 'Кемінде бір жауаптың үлесі 1 (толық балл) болуы керек',
    ru: 'Хотя бы один ответ должен давать долю 1 (полный балл)',
    en: 'At least one answer must have a fraction of 1 (full marks)',
  },
  'item.empty-answer': {
    kk: 'Бұл жауап қалыпқа келтірілгеннен кейін бос қалады, сондықтан ешбір жауапқа сәйкес келмейді',
    ru: 'После нормализации этот ответ пуст и не совпадёт ни с одним ответом',
    en: 'This answer is empty once normalised, so it can never match',
  },
  'item.negative-tolerance': {
    kk: 'Рұқсат етілген ауытқу теріс болмауы керек',
    ru: 'Допустимая погрешность не может быть отрицательной',
    en: 'The tolerance cannot be negative',
  },
  'item.rubric-empty': {
    kk: 'Рубрикада кемінде бір критерий болуы керек',
    ru: 'В рубрике должен быть хотя бы один критерий',
    en: 'The rubric needs at least one criterion',
  },
  'item.rubric-too-few-levels': {
    kk: 'Әр критерийде кемінде {min} деңгей болуы керек',
    ru: 'У каждого критерия должно быть не меньше {min} уровней',
    en: 'Each criterion needs at least {min} levels',
  },
  'item.missing-translation': {
    kk: 'Мәтіннің {lang} тіліндегі нұсқасы жоқ',
    ru: 'Нет текста на языке {lang}',
    en: 'The text is missing in {lang}',
  },
} satisfies Record<string, Messages>;

export type ItemRule = keyof typeof ITEM_RULE_MESSAGES;

export interface ItemRuleProblem {
  /** Where in the item, as the API names fields: `options[2].text.ru`. */
  path: string;
  rule: ItemRule;
  params?: Record<string, string | number>;
}

/** Every text of the item a reader may see, with its path; feedback only where present. */
function translatableTexts(def: ItemDefinition): [string, TranslatableText][] {
  const out: [string, TranslatableText][] = [['prompt', def.prompt]];
  const add = (path: string, text: TranslatableText | undefined) => {
    if (text) out.push([path, text]);
  };
  for (const k of ['correct', 'incorrect', 'general'] as const) {
    add(`feedback.${k}`, def.feedback?.[k]);
  }
  switch (def.type) {
    case 'single':
    case 'multiple':
      (def.options ?? []).forEach((o, i) => {
        add(`options[${i}].text`, o.text);
        add(`options[${i}].feedback`, o.feedback);
      });
      break;
    case 'matching':
      (def.pairs ?? []).forEach((p, i) => {
        add(`pairs[${i}].left.text`, p.left?.text);
        add(`pairs[${i}].right.text`, p.right?.text);
      });
      (def.distractors ?? []).forEach((d, i) => add(`distractors[${i}].text`, d.text));
      break;
    case 'ordering':
      (def.sequence ?? []).forEach((s, i) => add(`sequence[${i}].text`, s.text));
      break;
    case 'short_answer':
    case 'numeric':
      (def.answers ?? []).forEach((a, i) => add(`answers[${i}].feedback`, a.feedback));
      break;
    case 'essay':
    case 'task':
      (def.rubric?.criteria ?? []).forEach((c, i) => {
        add(`rubric.criteria[${i}].title`, c.title);
        (c.levels ?? []).forEach((l, j) =>
          add(`rubric.criteria[${i}].levels[${j}].title`, l.title),
        );
      });
      break;
  }
  return out;
}

/** Reports the later copy of each repeated id; entries without an id (given later) are skipped. */
function duplicateIds(
  entries: { id: string | undefined; path: string }[],
  problems: ItemRuleProblem[],
): void {
  const seen = new Set<string>();
  for (const { id, path } of entries) {
    if (typeof id !== 'string' || id === '') continue;
    if (seen.has(id)) problems.push({ path, rule: 'item.duplicate-id', params: { id } });
    seen.add(id);
  }
}

const hasFraction = (o: ChoiceOption) => typeof o.fraction === 'number';
const answerFraction = (a: { fraction?: number }) => a.fraction ?? 1;

function rightColumn(def: MatchingItem): { choice: TextChoice | undefined; path: string }[] {
  return [
    ...(def.pairs ?? []).map((p, i) => ({ choice: p.right, path: `pairs[${i}].right` })),
    ...(def.distractors ?? []).map((d, i) => ({ choice: d, path: `distractors[${i}]` })),
  ];
}

/**
 * The rules of an item that a JSON Schema cannot state. Run it on a definition that passed
 * `ITEM_SCHEMA`; it tolerates missing lists but does not re-check shapes. With `languages`, every
 * text must be present in each of them (a course's offered languages).
 */
export function checkItem(
  def: ItemDefinition,
  opts: { languages?: readonly Lang[] } = {},
): ItemRuleProblem[] {
  const problems: ItemRuleProblem[] = [];
  const push = (path: string, rule: ItemRule, params?: Record<string, string | number>) =>
    problems.push(params ? { path, rule, params } : { path, rule });

  switch (def.type) {
    case 'single':
    case 'multiple': {
      const choices = def.options ?? [];
      if (choices.length < 2) push('options', 'item.too-few-options', { min: 2 });
      duplicateIds(
        choices.map((o, i) => ({ id: o.id, path: `options[${i}].id` })),
        problems,
      );
      if (def.type === 'single') {
        if (choices.some(hasFraction)) {
          // With partial credit, the option worth full marks is the correct one.
          if (!choices.some((o) => (o.fraction ?? (o.correct ? 1 : 0)) === 1)) {
            push('options', 'item.single-no-full-fraction');
          }
        } else {
          const count = choices.filter((o) => o.correct === true).length;
          if (count !== 1) push('options', 'item.single-one-correct', { count });
        }
      } else if (def.scoring === 'fractions') {
        const sum = choices.reduce((s, o) => s + Math.max(0, o.fraction ?? 0), 0);
        if (Math.abs(sum - 1) > FRACTION_SUM_TOLERANCE + 1e-9) {
          push('options', 'item.fractions-sum', { sum: Math.round(sum * 1e4) / 1e4 });
        }
      } else if (!choices.some((o) => o.correct === true)) {
        push('options', 'item.multiple-no-correct');
      }
      break;
    }
    case 'true_false':
      break;
    case 'matching': {
      const pairs = def.pairs ?? [];
      if (pairs.length < 2) push('pairs', 'item.too-few-pairs', { min: 2 });
      duplicateIds(
        pairs.map((p, i) => ({ id: p.left?.id, path: `pairs[${i}].left.id` })),
        problems,
      );
      // Rights and distractors share one column, so their ids share one namespace.
      duplicateIds(
        rightColumn(def).map(({ choice, path }) => ({ id: choice?.id, path: `${path}.id` })),
        problems,
      );
      break;
    }
    case 'ordering': {
      const sequence = def.sequence ?? [];
      if (sequence.length < 2) push('sequence', 'item.too-few-pieces', { min: 2 });
      duplicateIds(
        sequence.map((s, i) => ({ id: s.id, path: `sequence[${i}].id` })),
        problems,
      );
      break;
    }
    case 'short_answer': {
      const answers = def.answers ?? [];
      if (!answers.some((a) => answerFraction(a) === 1)) push('answers', 'item.no-full-answer');
      answers.forEach((a, i) => {
        if (normaliseAnswer(a.text ?? '', def.caseSensitive) === '') {
          push(`answers[${i}].text`, 'item.empty-answer');
        }
      });
      break;
    }
    case 'numeric': {
      const answers = def.answers ?? [];
      if (!answers.some((a) => answerFraction(a) === 1)) push('answers', 'item.no-full-answer');
      answers.forEach((a, i) => {
        if ((a.tolerance ?? 0) < 0) push(`answers[${i}].tolerance`, 'item.negative-tolerance');
      });
      break;
    }
    case 'essay':
    case 'task': {
      const criteria = def.rubric?.criteria ?? [];
      if (criteria.length === 0) push('rubric.criteria', 'item.rubric-empty');
      duplicateIds(
        criteria.map((c, i) => ({ id: c.id, path: `rubric.criteria[${i}].id` })),
        problems,
      );
      criteria.forEach((c, i) => {
        const levels = c.levels ?? [];
        const at = `rubric.criteria[${i}].levels`;
        if (levels.length < 2) push(at, 'item.rubric-too-few-levels', { min: 2 });
        duplicateIds(
          levels.map((l, j) => ({ id: l.id, path: `${at}[${j}].id` })),
          problems,
        );
      });
      break;
    }
  }

  for (const lang of opts.languages ?? []) {
    for (const [path, text] of translatableTexts(def)) {
      const value = text[lang];
      if (typeof value !== 'string' || value.trim() === '') {
        push(`${path}.${lang}`, 'item.missing-translation', { lang });
      }
    }
  }
  return problems;
}

// ---- Ids and points ---------------------------------------------------------------------------

function withId<T extends { id?: string }>(
  entry: T,
  path: string,
  makeId: (path: string) => string,
): T {
  return typeof entry.id === 'string' && entry.id !== '' ? entry : { ...entry, id: makeId(path) };
}

/**
 * A copy of the item in which every option, pair side, distractor, piece, criterion and level
 * without an id gets `makeId(path)`: `options[0]`, `pairs[1].right`,
 * `rubric.criteria[0].levels[2]`.
 * Ids an author gave are kept, so responses to them stay valid across versions.
 */
export function assignIds(def: ItemDefinition, makeId: (path: string) => string): ItemDefinition {
  const copy = structuredClone(def);
  switch (copy.type) {
    case 'single':
    case 'multiple':
      copy.options = copy.options.map((o, i) => withId(o, `options[${i}]`, makeId));
      break;
    case 'matching':
      copy.pairs = copy.pairs.map((p, i) => ({
        left: withId(p.left, `pairs[${i}].left`, makeId),
        right: withId(p.right, `pairs[${i}].right`, makeId),
      }));
      if (copy.distractors) {
        copy.distractors = copy.distractors.map((d, i) => withId(d, `distractors[${i}]`, makeId));
      }
      break;
    case 'ordering':
      copy.sequence = copy.sequence.map((s, i) => withId(s, `sequence[${i}]`, makeId));
      break;
    case 'essay':
    case 'task':
      copy.rubric = {
        ...copy.rubric,
        criteria: copy.rubric.criteria.map((c, i) => {
          const path = `rubric.criteria[${i}]`;
          return {
            ...withId(c, path, makeId),
            levels: c.levels.map((l, j) => withId(l, `${path}.levels[${j}]`, makeId)),
          };
        }),
      };
      break;
    default:
      break;
  }
  return copy;
}

/** The rubric's best total: the highest level of each criterion, summed. */
export function rubricMaxPoints(criteria: readonly { levels: { points: number }[] }[]): number {
  return criteria.reduce(
    (sum, c) => sum + (c.levels.length ? Math.max(...c.levels.map((l) => l.points)) : 0),
    0,
  );
}

/** What the item is worth: its `points`, else 1 (objective) or the rubric's best total. */
export function itemMaxPoints(def: ItemDefinition): number {
  if (typeof def.points === 'number') return def.points;
  if (def.type === 'essay' || def.type === 'task') return rubricMaxPoints(def.rubric.criteria);
  return 1;
}
