import type {
  HandGradedItem,
  ItemDefinition,
  MatchingItem,
  MultipleChoiceItem,
  NumericItem,
  OrderingItem,
  ShortAnswerItem,
  SingleChoiceItem,
} from '@qadam/contracts';
import {
  correctResponse,
  gradeObjective,
  itemFeedback,
  responseProblem,
  scoreRubric,
} from './grading';

const base = {
  prompt: { kk: 'Сұрақ' },
  competencies: ['unesco-cft:1.1'],
  difficulty: 'medium' as const,
};
const text = (s: string) => ({ kk: s, ru: s, en: s });
const choice = (id: string) => ({ id, text: text(id) });

const single: SingleChoiceItem = {
  ...base,
  type: 'single',
  feedback: {
    correct: { kk: 'Дұрыс', en: 'Right' },
    incorrect: { kk: 'Қате', en: 'Wrong' },
    general: { kk: 'Абай — ақын', ru: 'Абай — поэт' },
  },
  options: [
    { ...choice('a'), correct: true, feedback: { kk: 'Иә, Абай', en: 'Yes, Abai' } },
    { ...choice('b') },
    { ...choice('c') },
  ],
};

/** a, b, c correct; d, e wrong. */
const multiple = (scoring?: MultipleChoiceItem['scoring']): MultipleChoiceItem => ({
  ...base,
  type: 'multiple',
  scoring,
  options: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ ...choice(id), correct: 'abc'.includes(id) })),
});

const matching = (scoring?: MatchingItem['scoring']): MatchingItem => ({
  ...base,
  type: 'matching',
  scoring,
  pairs: [
    { left: choice('l1'), right: choice('r1') },
    { left: choice('l2'), right: choice('r2') },
    { left: choice('l3'), right: choice('r3') },
  ],
  distractors: [choice('d1')],
});

const ordering = (scoring?: OrderingItem['scoring']): OrderingItem => ({
  ...base,
  type: 'ordering',
  scoring,
  sequence: ['s1', 's2', 's3', 's4', 's5'].map(choice),
});

const shortAnswer: ShortAnswerItem = {
  ...base,
  type: 'short_answer',
  answers: [
    { text: 'Құнанба*', fraction: 0.5, feedback: { kk: 'Әкесінің аты' } },
    { text: 'Абай Құнанбайұлы', feedback: { kk: 'Толық аты' } },
    { text: 'Абай', fraction: 0.8 },
  ],
};

const numeric: NumericItem = {
  ...base,
  type: 'numeric',
  answers: [
    { value: 3.14, tolerance: 0.01 },
    { value: 3, tolerance: 0.5, fraction: 0.5, feedback: { kk: 'Жуық' } },
  ],
};

const essay: HandGradedItem = {
  ...base,
  type: 'essay',
  maxLength: 10,
  rubric: {
    criteria: [
      {
        id: 'c1',
        title: text('c1'),
        levels: [
          { id: 'none', title: text('none'), points: 0 },
          { id: 'some', title: text('some'), points: 1 },
          { id: 'full', title: text('full'), points: 2 },
        ],
      },
      {
        id: 'c2',
        title: text('c2'),
        levels: [
          { id: 'no', title: text('no'), points: 0 },
          { id: 'yes', title: text('yes'), points: 3 },
        ],
      },
    ],
  },
};

const fraction = (def: ItemDefinition, response: unknown) =>
  gradeObjective(def, response)?.fraction;

describe('gradeObjective', () => {
  it('grades single choice', () => {
    expect(gradeObjective(single, 'a')).toEqual({ fraction: 1, correct: true });
    expect(gradeObjective(single, 'b')).toEqual({ fraction: 0, correct: false });
    expect(gradeObjective(single, null)).toEqual({ fraction: 0, correct: false });
    expect(gradeObjective(single, undefined)).toEqual({ fraction: 0, correct: false });
    expect(gradeObjective(single, 'zzz')).toEqual({ fraction: 0, correct: false });
  });

  it('grades single choice with partial credit, never below 0', () => {
    const partial: SingleChoiceItem = {
      ...single,
      options: [
        { ...choice('a'), fraction: 1 },
        { ...choice('b'), fraction: 0.5 },
        { ...choice('c'), fraction: -0.5 },
      ],
    };
    expect(gradeObjective(partial, 'a')).toEqual({ fraction: 1, correct: true });
    expect(gradeObjective(partial, 'b')).toEqual({ fraction: 0.5, correct: false });
    expect(fraction(partial, 'c')).toBe(0);
  });

  it('grades multiple choice partially by default: ±1/n per option, n = 3 correct', () => {
    expect(gradeObjective(multiple(), ['a', 'b', 'c'])).toEqual({ fraction: 1, correct: true });
    expect(fraction(multiple(), ['a', 'b'])).toBe(0.6667);
    expect(fraction(multiple('partial'), ['a'])).toBe(0.3333);
    expect(fraction(multiple(), ['a', 'b', 'd'])).toBe(0.3333);
    expect(fraction(multiple(), ['a', 'b', 'c', 'd'])).toBe(0.6667);
    expect(fraction(multiple(), ['a', 'd', 'e'])).toBe(0);
    expect(fraction(multiple(), [])).toBe(0);
  });

  it('grades multiple choice all or nothing', () => {
    expect(fraction(multiple('all_or_nothing'), ['c', 'a', 'b'])).toBe(1);
    expect(fraction(multiple('all_or_nothing'), ['a', 'b'])).toBe(0);
    expect(fraction(multiple('all_or_nothing'), ['a', 'b', 'c', 'd'])).toBe(0);
  });

  it('grades multiple choice by fractions, clamped to 0..1', () => {
    const def: MultipleChoiceItem = {
      ...multiple('fractions'),
      options: [
        { ...choice('a'), fraction: 0.5 },
        { ...choice('b'), fraction: 0.3 },
        { ...choice('c'), fraction: 0.2 },
        { ...choice('d'), fraction: -0.5 },
        { ...choice('e'), fraction: -1 },
      ],
    };
    expect(fraction(def, ['a', 'b', 'c'])).toBe(1);
    expect(fraction(def, ['a', 'b'])).toBe(0.8);
    expect(fraction(def, ['a', 'b', 'c', 'd'])).toBe(0.5);
    expect(fraction(def, ['a', 'e'])).toBe(0);
    // Thirds written as 0.33 still give full marks for the full set.
    const thirds: MultipleChoiceItem = {
      ...def,
      options: ['a', 'b', 'c'].map((id) => ({ ...choice(id), fraction: 0.33 })),
    };
    expect(gradeObjective(thirds, ['a', 'b', 'c'])).toEqual({ fraction: 1, correct: true });
    expect(fraction(thirds, ['a'])).toBe(0.3333);
  });

  it('grades true/false', () => {
    const def: ItemDefinition = { ...base, type: 'true_false', answer: false };
    expect(fraction(def, false)).toBe(1);
    expect(fraction(def, true)).toBe(0);
    expect(fraction(def, 'false')).toBe(0);
  });

  it('grades matching by the share of stems matched, or all or nothing', () => {
    const all = { l1: 'r1', l2: 'r2', l3: 'r3' };
    expect(gradeObjective(matching(), all)).toEqual({ fraction: 1, correct: true });
    expect(fraction(matching(), { l1: 'r1', l2: 'r2', l3: 'd1' })).toBe(0.6667);
    expect(fraction(matching(), { l1: 'r1' })).toBe(0.3333);
    expect(fraction(matching(), { l1: 'r2', l2: 'r1' })).toBe(0);
    expect(fraction(matching('all_or_nothing'), all)).toBe(1);
    expect(fraction(matching('all_or_nothing'), { l1: 'r1', l2: 'r2' })).toBe(0);
  });

  it('grades ordering by the share of adjacent pairs kept, or all or nothing', () => {
    expect(gradeObjective(ordering(), ['s1', 's2', 's3', 's4', 's5'])).toEqual({
      fraction: 1,
      correct: true,
    });
    // s2→s3, s3→s4, s4→s5 kept; s5→s1 not: 3 of 4.
    expect(fraction(ordering(), ['s2', 's3', 's4', 's5', 's1'])).toBe(0.75);
    expect(fraction(ordering(), ['s1', 's2', 's4', 's3', 's5'])).toBe(0.25);
    expect(fraction(ordering(), ['s5', 's4', 's3', 's2', 's1'])).toBe(0);
    expect(fraction(ordering('all_or_nothing'), ['s2', 's3', 's4', 's5', 's1'])).toBe(0);
    expect(fraction(ordering('all_or_nothing'), ['s1', 's2', 's3', 's4', 's5'])).toBe(1);
    // Not a permutation: 0, not partial credit for a shorter list.
    expect(fraction(ordering(), ['s1', 's2'])).toBe(0);
  });

  it('grades short answers after normalisation, with the best matching fraction', () => {
    expect(gradeObjective(shortAnswer, '  абай   ҚҰНАНБАЙҰЛЫ. ')).toEqual({
      fraction: 1,
      correct: true,
    });
    expect(fraction(shortAnswer, 'Aбай')).toBe(0.8); // Latin A
    expect(fraction(shortAnswer, 'Құнанбаев')).toBe(0.5); // wildcard
    expect(fraction(shortAnswer, 'Шоқан')).toBe(0);
    expect(fraction(shortAnswer, '   ')).toBe(0);
    const star: ShortAnswerItem = { ...shortAnswer, answers: [{ text: '*' }] };
    expect(fraction(star, 'anything')).toBe(1);
    expect(fraction(star, '')).toBe(0);
    const kazakh: ShortAnswerItem = { ...shortAnswer, answers: [{ text: 'Әуезов өнері' }] };
    expect(fraction(kazakh, '\u0259уезов \u0275нерi')).toBe(1); // ə, ɵ, Latin i
    const cased: ShortAnswerItem = {
      ...shortAnswer,
      answers: [{ text: 'NaCl' }],
      caseSensitive: true,
    };
    expect(fraction(cased, 'NaCl')).toBe(1);
    expect(fraction(cased, 'nacl')).toBe(0);
  });

  it('grades numbers within the tolerance, with comma decimals', () => {
    expect(gradeObjective(numeric, '3,14')).toEqual({ fraction: 1, correct: true });
    expect(fraction(numeric, 3.15)).toBe(1); // 0.01 away, despite float error
    expect(fraction(numeric, '3.13')).toBe(1);
    expect(fraction(numeric, 3.16)).toBe(0.5);
    expect(fraction(numeric, '2,5')).toBe(0.5);
    expect(fraction(numeric, 2.4)).toBe(0);
    expect(fraction(numeric, 'пи')).toBe(0);
    const exact: NumericItem = { ...numeric, answers: [{ value: 0.3 }, { value: -1500 }] };
    expect(fraction(exact, 0.1 + 0.2)).toBe(1);
    expect(fraction(exact, '\u22121 500')).toBe(1);
    expect(fraction(exact, 0.31)).toBe(0);
  });

  it('leaves essays and tasks to a person', () => {
    expect(gradeObjective(essay, 'text')).toBeNull();
    expect(gradeObjective({ ...essay, type: 'task' }, null)).toBeNull();
  });
});

describe('responseProblem', () => {
  it('accepts null for every type', () => {
    for (const def of [single, multiple(), matching(), ordering(), shortAnswer, numeric, essay]) {
      expect(responseProblem(def, null)).toBeNull();
    }
  });

  it.each<[string, ItemDefinition, unknown, string | null]>([
    ['single id', single, 'a', null],
    ['single unknown id', single, 'z', 'response.unknown-option'],
    ['single array', single, ['a'], 'response.wrong-type'],
    ['multiple ids', multiple(), ['a', 'd'], null],
    ['multiple empty', multiple(), [], null],
    ['multiple string', multiple(), 'a', 'response.wrong-type'],
    ['multiple repeated id', multiple(), ['a', 'a'], 'response.duplicate-option'],
    ['multiple unknown id', multiple(), ['a', 'z'], 'response.unknown-option'],
    ['multiple number', multiple(), [1], 'response.wrong-type'],
    ['true/false boolean', { ...base, type: 'true_false', answer: true }, true, null],
    [
      'true/false string',
      { ...base, type: 'true_false', answer: true },
      'true',
      'response.wrong-type',
    ],
    ['matching partial', matching(), { l1: 'd1' }, null],
    ['matching array', matching(), [['l1', 'r1']], 'response.wrong-type'],
    ['matching unknown stem', matching(), { r1: 'r1' }, 'response.unknown-stem'],
    ['matching unknown choice', matching(), { l1: 'l2' }, 'response.unknown-choice'],
    ['matching non-string choice', matching(), { l1: 1 }, 'response.wrong-type'],
    ['ordering permutation', ordering(), ['s5', 's4', 's3', 's2', 's1'], null],
    ['ordering prefix', ordering(), ['s1', 's2'], 'response.not-permutation'],
    ['ordering repeat', ordering(), ['s1', 's1', 's3', 's4', 's5'], 'response.not-permutation'],
    ['ordering unknown', ordering(), ['s1', 's2', 's3', 's4', 'x'], 'response.not-permutation'],
    ['ordering object', ordering(), { 0: 's1' }, 'response.wrong-type'],
    ['short text', shortAnswer, 'Абай', null],
    ['short too long', shortAnswer, 'а'.repeat(1001), 'response.too-long'],
    ['short number', shortAnswer, 5, 'response.wrong-type'],
    ['numeric number', numeric, 3, null],
    ['numeric comma string', numeric, '3,5', null],
    ['numeric text', numeric, 'three', 'response.not-number'],
    ['numeric boolean', numeric, true, 'response.wrong-type'],
    ['essay within limit', essay, 'ten chars!', null],
    ['essay over limit', essay, 'eleven char', 'response.too-long'],
    ['essay object', essay, {}, 'response.wrong-type'],
  ])('%s', (_name, def, response, rule) => {
    expect(responseProblem(def, response)?.rule ?? null).toBe(rule);
  });

  it('names the offending id and limit', () => {
    expect(responseProblem(single, 'z')).toEqual({
      rule: 'response.unknown-option',
      params: { id: 'z' },
    });
    expect(responseProblem({ ...essay, maxLength: undefined }, 'а'.repeat(20_001))).toEqual({
      rule: 'response.too-long',
      params: { max: 20_000 },
    });
  });
});

describe('scoreRubric', () => {
  it('scores the chosen levels over the best total', () => {
    expect(scoreRubric(essay, { c1: 'full', c2: 'no' })).toEqual({ fraction: 0.4 });
    expect(scoreRubric(essay, { c1: 'some', c2: 'yes' })).toEqual({ fraction: 0.8 });
    expect(scoreRubric(essay, { c1: 'full', c2: 'yes' })).toEqual({ fraction: 1 });
  });

  it('returns a problem for a missing criterion or an unknown id', () => {
    expect(scoreRubric(essay, { c1: 'full' })).toEqual({
      problem: { rule: 'rubric.missing-criterion', params: { criterion: 'c2' } },
    });
    expect(scoreRubric(essay, { c1: 'full', c2: 'maybe' })).toEqual({
      problem: { rule: 'rubric.unknown-level', params: { criterion: 'c2', level: 'maybe' } },
    });
    expect(scoreRubric(essay, { c1: 'full', c2: 'no', c3: 'no' })).toEqual({
      problem: { rule: 'rubric.unknown-criterion', params: { criterion: 'c3' } },
    });
  });
});

describe('correctResponse', () => {
  it('expresses the key as a response that grades full marks', () => {
    const cases: [ItemDefinition, unknown][] = [
      [single, 'a'],
      [multiple(), ['a', 'b', 'c']],
      [{ ...base, type: 'true_false', answer: false }, false],
      [matching(), { l1: 'r1', l2: 'r2', l3: 'r3' }],
      [ordering(), ['s1', 's2', 's3', 's4', 's5']],
      [shortAnswer, 'Абай Құнанбайұлы'],
      [numeric, 3.14],
    ];
    for (const [def, expected] of cases) {
      const key = correctResponse(def);
      expect(key).toEqual(expected);
      expect(gradeObjective(def, key)).toEqual({ fraction: 1, correct: true });
    }
    expect(correctResponse(essay)).toBeNull();
  });

  it('reads fractions where the item is scored by them', () => {
    const def: MultipleChoiceItem = {
      ...multiple('fractions'),
      options: [
        { ...choice('a'), fraction: 0.5, correct: false },
        { ...choice('b'), fraction: -1, correct: true },
        { ...choice('c'), fraction: 0.5 },
      ],
    };
    expect(correctResponse(def)).toEqual(['a', 'c']);
    const partial: SingleChoiceItem = {
      ...single,
      options: [
        { ...choice('a'), fraction: 0.5 },
        { ...choice('b'), fraction: 1 },
      ],
    };
    expect(correctResponse(partial)).toBe('b');
  });
});

describe('itemFeedback', () => {
  it("gives the chosen option's feedback, then the general one, in the reader's language", () => {
    expect(itemFeedback(single, 'a', 1, 'en')).toBe('Yes, Abai\n\nАбай — ақын');
    expect(itemFeedback(single, 'a', 1, 'ru')).toBe('Иә, Абай\n\nАбай — поэт');
  });

  it('falls back to correct/incorrect feedback by the fraction', () => {
    expect(itemFeedback(single, 'b', 0, 'en')).toBe('Wrong\n\nАбай — ақын');
    expect(itemFeedback(single, null, 0, 'kk')).toBe('Қате\n\nАбай — ақын');
    // After a key correction the same response may be right: the fraction decides.
    expect(itemFeedback(single, 'b', 1, 'en')).toBe('Right\n\nАбай — ақын');
    expect(itemFeedback(single, 'b', null, 'en')).toBe('Абай — ақын');
  });

  it("gives the matched answer's feedback", () => {
    expect(itemFeedback(shortAnswer, 'Құнанбаев', 0.5, 'kk')).toBe('Әкесінің аты');
    expect(itemFeedback(shortAnswer, 'абай құнанбайұлы', 1, 'ru')).toBe('Толық аты');
    expect(itemFeedback(numeric, '2,9', 0.5, 'kk')).toBe('Жуық');
    expect(itemFeedback(numeric, 3.14, 1, 'kk')).toBeUndefined();
  });

  it('joins the feedback of every chosen option', () => {
    const def: MultipleChoiceItem = {
      ...multiple(),
      options: multiple().options.map((o) => ({ ...o, feedback: { en: `about ${o.id}` } })),
    };
    expect(itemFeedback(def, ['c', 'a'], 0.6667, 'en')).toBe('about a\n\nabout c');
  });
});
