import Ajv from 'ajv';
import type { ItemDefinition, Lang } from '@qadam/contracts';
import { RESPONSE_RULE_MESSAGES, RUBRIC_RULE_MESSAGES } from './grading';
import {
  assignIds,
  checkItem,
  ITEM_RULE_MESSAGES,
  ITEM_SCHEMA,
  itemMaxPoints,
  type ItemRuleProblem,
} from './item-schema';

const validate = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true }).compile(
  ITEM_SCHEMA,
);

const base = {
  prompt: { kk: 'Сұрақ', ru: 'Вопрос' },
  competencies: ['unesco-cft:1.1'],
  difficulty: 'easy' as const,
};

const single: ItemDefinition = {
  ...base,
  type: 'single',
  options: [
    { id: 'a', text: { kk: 'Иә', ru: 'Да' }, correct: true },
    { id: 'b', text: { kk: 'Жоқ', ru: 'Нет' } },
  ],
};

/** One valid item of every type, written as an author would (ids left out). */
const authored: Record<string, unknown> = {
  single: { ...base, type: 'single', options: [{ text: { kk: 'а' }, correct: true }] },
  multiple: {
    ...base,
    type: 'multiple',
    scoring: 'fractions',
    options: [{ text: { kk: 'а' }, fraction: 1, feedback: { kk: 'Жақсы' } }],
  },
  true_false: { ...base, type: 'true_false', answer: false, key: 'earth-is-flat' },
  matching: {
    ...base,
    type: 'matching',
    pairs: [{ left: { text: { kk: 'а' } }, right: { text: { kk: 'б' } } }],
    distractors: [{ text: { kk: 'в' } }],
    scoring: 'all_or_nothing',
  },
  ordering: { ...base, type: 'ordering', sequence: [{ id: 'first', text: { kk: 'а' } }] },
  short_answer: {
    ...base,
    type: 'short_answer',
    answers: [{ text: 'Абай', fraction: 1 }],
    caseSensitive: false,
  },
  numeric: { ...base, type: 'numeric', answers: [{ value: 3.14, tolerance: 0.01 }] },
  essay: {
    ...base,
    type: 'essay',
    points: 10,
    maxLength: 5000,
    rubric: {
      criteria: [
        {
          title: { kk: 'Дәлел' },
          competencies: ['iste-ed:2.5.b'],
          levels: [
            { title: { kk: 'Жоқ' }, points: 0 },
            { title: { kk: 'Бар' }, points: 2, meets: true },
          ],
        },
      ],
    },
  },
  task: { ...base, type: 'task', rubric: { criteria: [] } },
};

function schemaErrors(item: unknown): string[] {
  validate(item);
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => `${e.keyword} ${e.instancePath}`);
}

describe('ITEM_SCHEMA', () => {
  it.each(Object.keys(authored))('accepts a %s item', (type) => {
    expect(schemaErrors(authored[type])).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['a field of another type', { ...single, answer: true }, 'additionalProperties '],
    ['an unknown type', { ...single, type: 'essayish' }, 'enum /type'],
    ['a missing prompt', { ...single, prompt: undefined }, 'required '],
    ['an empty prompt', { ...single, prompt: {} }, 'minProperties /prompt'],
    [
      'a prompt in another language',
      { ...single, prompt: { de: 'x' } },
      'additionalProperties /prompt',
    ],
    [
      'a prompt over 10,000 chars',
      { ...single, prompt: { kk: 'a'.repeat(10_001) } },
      'maxLength /prompt/kk',
    ],
    [
      'an option text over 2,000 chars',
      { ...single, options: [{ text: { kk: 'a'.repeat(2001) } }] },
      'maxLength /options/0/text/kk',
    ],
    [
      '21 options',
      { ...single, options: Array.from({ length: 21 }, () => ({ text: { kk: 'a' } })) },
      'maxItems /options',
    ],
    ['zero points', { ...single, points: 0 }, 'exclusiveMinimum /points'],
    ['101 points', { ...single, points: 101 }, 'maximum /points'],
    [
      'a fraction above 1',
      { ...single, options: [{ text: { kk: 'a' }, fraction: 1.5 }] },
      'maximum /options/0/fraction',
    ],
    [
      'an option id with a space',
      { ...single, options: [{ id: 'a b', text: { kk: 'a' } }] },
      'pattern /options/0/id',
    ],
    ['no competencies', { ...single, competencies: [] }, 'minItems /competencies'],
    ['an unknown competency', { ...single, competencies: ['iso:9001'] }, 'pattern /competencies/0'],
    ['an unknown difficulty', { ...single, difficulty: 'extreme' }, 'enum /difficulty'],
    ['a bad key', { ...single, key: 'Not A Key' }, 'pattern /key'],
    ['a zero maxLength', { ...(authored.essay as object), maxLength: 0 }, 'minimum /maxLength'],
    [
      '51 accepted answers',
      { ...(authored.short_answer as object), answers: Array(51).fill({ text: 'a' }) },
      'maxItems /answers',
    ],
    [
      'an accepted answer fraction below 0',
      { ...(authored.short_answer as object), answers: [{ text: 'a', fraction: -0.5 }] },
      'minimum /answers/0/fraction',
    ],
    [
      '11 rubric levels',
      {
        ...(authored.essay as object),
        rubric: {
          criteria: [
            { title: { kk: 'a' }, levels: Array(11).fill({ title: { kk: 'a' }, points: 1 }) },
          ],
        },
      },
      'maxItems /rubric/criteria/0/levels',
    ],
    [
      'a wrong multiple scoring',
      { ...(authored.multiple as object), scoring: 'partial_credit' },
      'enum /scoring',
    ],
  ])('rejects %s', (_name, item, error) => {
    expect(schemaErrors(item)).toContain(error);
  });
});

const problems = (def: ItemDefinition, languages?: Lang[]) =>
  checkItem(def, { languages }).map((p) => [p.path, p.rule, p.params ?? {}]);

describe('checkItem', () => {
  it('accepts a sound item', () => {
    expect(checkItem(single, { languages: ['kk', 'ru'] })).toEqual([]);
  });

  it('asks single choice for exactly one correct option, or a full fraction', () => {
    const none: ItemDefinition = {
      ...single,
      options: single.options.map((o) => ({ ...o, correct: false })),
    };
    expect(problems(none)).toEqual([['options', 'item.single-one-correct', { count: 0 }]]);
    const two: ItemDefinition = {
      ...single,
      options: single.options.map((o) => ({ ...o, correct: true })),
    };
    expect(problems(two)).toEqual([['options', 'item.single-one-correct', { count: 2 }]]);
    const partial: ItemDefinition = {
      ...single,
      options: [
        { id: 'a', text: { kk: 'а' }, fraction: 0.5 },
        { id: 'b', text: { kk: 'б' }, fraction: 0.5 },
      ],
    };
    expect(problems(partial)).toEqual([['options', 'item.single-no-full-fraction', {}]]);
    partial.options[1].fraction = 1;
    expect(problems(partial)).toEqual([]);
  });

  it('asks multiple choice for a correct option, or fractions adding up to 1', () => {
    const none: ItemDefinition = {
      ...single,
      type: 'multiple',
      options: single.options.map((o) => ({ ...o, correct: false })),
    };
    expect(problems(none)).toEqual([['options', 'item.multiple-no-correct', {}]]);
    const fractions = (...f: number[]): ItemDefinition => ({
      ...single,
      type: 'multiple',
      scoring: 'fractions',
      options: f.map((fraction, i) => ({ id: `o${i}`, text: { kk: 'а' }, fraction })),
    });
    expect(problems(fractions(0.5, 0.4, -1))).toEqual([
      ['options', 'item.fractions-sum', { sum: 0.9 }],
    ]);
    expect(problems(fractions(0.33, 0.33, 0.33, -0.5))).toEqual([]);
    expect(problems(fractions(0.5, 0.5, 0.5))).toEqual([
      ['options', 'item.fractions-sum', { sum: 1.5 }],
    ]);
  });

  it('asks for at least two options, pairs and pieces', () => {
    expect(problems({ ...single, options: [single.options[0]] })).toEqual([
      ['options', 'item.too-few-options', { min: 2 }],
    ]);
    const one = { id: 'x', text: { kk: 'а' } };
    expect(problems({ ...base, type: 'matching', pairs: [{ left: one, right: one }] })).toEqual([
      ['pairs', 'item.too-few-pairs', { min: 2 }],
    ]);
    expect(problems({ ...base, type: 'ordering', sequence: [one] })).toEqual([
      ['sequence', 'item.too-few-pieces', { min: 2 }],
    ]);
  });

  it('reports repeated ids at the later copy, per list', () => {
    const t = (id: string) => ({ id, text: { kk: id } });
    expect(
      problems({ ...single, options: [{ ...t('a'), correct: true }, t('b'), t('a')] }),
    ).toEqual([['options[2].id', 'item.duplicate-id', { id: 'a' }]]);
    expect(
      problems({
        ...base,
        type: 'matching',
        // Left and right columns are separate namespaces; rights and distractors share one.
        pairs: [
          { left: t('x'), right: t('x') },
          { left: t('x'), right: t('r') },
        ],
        distractors: [t('r')],
      }),
    ).toEqual([
      ['pairs[1].left.id', 'item.duplicate-id', { id: 'x' }],
      ['distractors[0].id', 'item.duplicate-id', { id: 'r' }],
    ]);
    expect(problems({ ...base, type: 'ordering', sequence: [t('p'), t('q'), t('p')] })).toEqual([
      ['sequence[2].id', 'item.duplicate-id', { id: 'p' }],
    ]);
    const level = (id: string) => ({ id, title: { kk: id }, points: 1 });
    expect(
      problems({
        ...base,
        type: 'task',
        rubric: {
          criteria: [
            { id: 'c', title: { kk: 'c' }, levels: [level('l'), level('l')] },
            { id: 'c', title: { kk: 'c' }, levels: [level('l'), level('m')] },
          ],
        },
      }),
    ).toEqual([
      ['rubric.criteria[1].id', 'item.duplicate-id', { id: 'c' }],
      ['rubric.criteria[0].levels[1].id', 'item.duplicate-id', { id: 'l' }],
    ]);
  });

  it('asks short and numeric answers for a full-credit answer and sane values', () => {
    expect(
      problems({ ...base, type: 'short_answer', answers: [{ text: 'Абай', fraction: 0.5 }] }),
    ).toEqual([['answers', 'item.no-full-answer', {}]]);
    expect(problems({ ...base, type: 'short_answer', answers: [{ text: 'Абай' }] })).toEqual([]);
    expect(
      problems({ ...base, type: 'short_answer', answers: [{ text: 'Абай' }, { text: ' . ' }] }),
    ).toEqual([['answers[1].text', 'item.empty-answer', {}]]);
    expect(problems({ ...base, type: 'numeric', answers: [] })).toEqual([
      ['answers', 'item.no-full-answer', {}],
    ]);
    expect(
      problems({ ...base, type: 'numeric', answers: [{ value: 1 }, { value: 2, tolerance: -1 }] }),
    ).toEqual([['answers[1].tolerance', 'item.negative-tolerance', {}]]);
  });

  it('asks a rubric for criteria with at least two levels', () => {
    expect(problems({ ...base, type: 'essay', rubric: { criteria: [] } })).toEqual([
      ['rubric.criteria', 'item.rubric-empty', {}],
    ]);
    expect(
      problems({
        ...base,
        type: 'essay',
        rubric: {
          criteria: [
            { id: 'c', title: { kk: 'c' }, levels: [{ id: 'l', title: { kk: 'l' }, points: 1 }] },
          ],
        },
      }),
    ).toEqual([['rubric.criteria[0].levels', 'item.rubric-too-few-levels', { min: 2 }]]);
  });

  it('finds every text missing in a language', () => {
    const def: ItemDefinition = {
      ...base,
      prompt: { kk: 'Сұрақ', ru: '  ' },
      type: 'single',
      feedback: { general: { kk: 'Жалпы' } },
      options: [
        { id: 'a', text: { kk: 'а', ru: 'а' }, correct: true, feedback: { ru: 'да' } },
        { id: 'b', text: { kk: 'б', ru: 'б' } },
        { id: 'c', text: { kk: 'в' } },
      ],
    };
    expect(problems(def, ['kk', 'ru'])).toEqual([
      ['options[0].feedback.kk', 'item.missing-translation', { lang: 'kk' }],
      ['prompt.ru', 'item.missing-translation', { lang: 'ru' }],
      ['feedback.general.ru', 'item.missing-translation', { lang: 'ru' }],
      ['options[2].text.ru', 'item.missing-translation', { lang: 'ru' }],
    ]);
    const rubric: ItemDefinition = {
      ...base,
      type: 'essay',
      rubric: {
        criteria: [
          {
            id: 'c',
            title: { kk: 'c', ru: 'c' },
            levels: [
              { id: 'l', title: { kk: 'l', ru: 'l' }, points: 0 },
              { id: 'm', title: { kk: 'm' }, points: 1 },
            ],
          },
        ],
      },
    };
    expect(checkItem(rubric, { languages: ['ru'] }).map((p: ItemRuleProblem) => p.path)).toEqual([
      'rubric.criteria[0].levels[1].title.ru',
    ]);
    expect(checkItem(rubric)).toEqual([]);
  });
});

describe('assignIds', () => {
  it('gives ids by path to what lacks one and keeps the rest', () => {
    const def = {
      ...base,
      type: 'matching',
      pairs: [
        { left: { id: 'kept', text: { kk: 'а' } }, right: { text: { kk: 'б' } } },
        { left: { text: { kk: 'в' } }, right: { text: { kk: 'г' } } },
      ],
      distractors: [{ text: { kk: 'д' } }],
    } as unknown as ItemDefinition;
    const out = assignIds(def, (path) => `id:${path}`);
    expect(out).toMatchObject({
      pairs: [
        { left: { id: 'kept' }, right: { id: 'id:pairs[0].right' } },
        { left: { id: 'id:pairs[1].left' }, right: { id: 'id:pairs[1].right' } },
      ],
      distractors: [{ id: 'id:distractors[0]' }],
    });
    // A copy: the input is left as it was.
    expect((def as { pairs: { right: { id?: string } }[] }).pairs[0].right.id).toBeUndefined();
  });

  it('covers options, pieces, criteria and levels', () => {
    const make = (path: string) => path;
    expect(assignIds(authored.single as ItemDefinition, make)).toMatchObject({
      options: [{ id: 'options[0]' }],
    });
    expect(
      assignIds({ ...base, type: 'ordering', sequence: [{ text: { kk: 'а' } }] } as never, make),
    ).toMatchObject({ sequence: [{ id: 'sequence[0]' }] });
    expect(assignIds(authored.essay as ItemDefinition, make)).toMatchObject({
      rubric: {
        criteria: [
          {
            id: 'rubric.criteria[0]',
            levels: [
              { id: 'rubric.criteria[0].levels[0]' },
              { id: 'rubric.criteria[0].levels[1]' },
            ],
          },
        ],
      },
    });
  });
});

describe('itemMaxPoints', () => {
  it('is the points, else 1, else the rubric best total', () => {
    expect(itemMaxPoints(single)).toBe(1);
    expect(itemMaxPoints({ ...single, points: 2.5 })).toBe(2.5);
    const essay = assignIds(authored.essay as ItemDefinition, (p) => p);
    expect(itemMaxPoints(essay)).toBe(10);
    const level = (points: number) => ({ id: `l${points}`, title: { kk: 'l' }, points });
    expect(
      itemMaxPoints({
        ...base,
        type: 'task',
        rubric: {
          criteria: [
            { id: 'a', title: { kk: 'a' }, levels: [level(0), level(3), level(1)] },
            { id: 'b', title: { kk: 'b' }, levels: [level(2), level(4)] },
          ],
        },
      }),
    ).toBe(7);
  });
});

describe('message tables', () => {
  const tables = { ITEM_RULE_MESSAGES, RESPONSE_RULE_MESSAGES, RUBRIC_RULE_MESSAGES };
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it.each(Object.entries(tables))('%s has kk, ru and en for every rule', (_name, table) => {
    for (const [rule, messages] of Object.entries(table as Record<string, Record<Lang, string>>)) {
      for (const lang of ['kk', 'ru', 'en'] as const) {
        expect([rule, lang, messages[lang]?.trim().length > 0]).toEqual([rule, lang, true]);
      }
      // The same placeholders in every language, so no parameter goes missing in translation.
      expect([rule, placeholders(messages.ru)]).toEqual([rule, placeholders(messages.kk)]);
      expect([rule, placeholders(messages.en)]).toEqual([rule, placeholders(messages.kk)]);
      // Kazakh is written in Kazakh letters, not Russian with a few changes.
      expect([rule, /[әғқңөұүһі]/i.test(messages.kk)]).toEqual([rule, true]);
    }
  });
});
