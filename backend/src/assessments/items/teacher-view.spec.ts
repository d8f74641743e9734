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
  makePresentation,
  publicShape,
  seededRandom,
  shuffle,
  teacherItemView,
} from './teacher-view';

const base = {
  prompt: { kk: 'Сұрақ', ru: 'Вопрос' },
  competencies: ['unesco-cft:1.1'],
  difficulty: 'hard' as const,
};
const choice = (id: string) => ({ id, text: { kk: `${id} kk`, ru: `${id} ru` } });

const single: SingleChoiceItem = {
  ...base,
  type: 'single',
  feedback: { correct: { kk: 'Дұрыс' }, general: { kk: 'Жалпы' } },
  options: [
    { ...choice('a'), correct: true, feedback: { kk: 'Иә' } },
    { ...choice('b'), fraction: 0 },
    { ...choice('c') },
    { ...choice('d') },
  ],
};
const multiple: MultipleChoiceItem = {
  ...base,
  type: 'multiple',
  scoring: 'fractions',
  options: single.options.map((o) => ({ ...o, fraction: o.id === 'a' ? 1 : -0.5 })),
};
const matching: MatchingItem = {
  ...base,
  type: 'matching',
  scoring: 'partial',
  pairs: [1, 2, 3].map((i) => ({ left: choice(`l${i}`), right: choice(`r${i}`) })),
  distractors: [choice('d1')],
};
const ordering = (n: number): OrderingItem => ({
  ...base,
  type: 'ordering',
  scoring: 'all_or_nothing',
  sequence: Array.from({ length: n }, (_, i) => choice(`p${i}`)),
});
const essay: HandGradedItem = {
  ...base,
  type: 'essay',
  feedback: { general: { kk: 'Жалпы' } },
  rubric: {
    criteria: [
      {
        id: 'c1',
        title: { kk: 'Критерий', en: 'Criterion' },
        competencies: ['iste-ed:2.5'],
        levels: [
          { id: 'l0', title: { kk: 'Жоқ' }, points: 0 },
          { id: 'l1', title: { kk: 'Бар' }, points: 4, meets: true },
        ],
      },
    ],
  },
};
const shortAnswer: ShortAnswerItem = {
  ...base,
  type: 'short_answer',
  caseSensitive: true,
  answers: [{ text: 'Абай', feedback: { kk: 'Иә' } }],
};
const numeric: NumericItem = {
  ...base,
  type: 'numeric',
  answers: [{ value: 3.14, tolerance: 0.01 }],
};
const all: ItemDefinition[] = [
  single,
  multiple,
  { ...base, type: 'true_false', answer: true, feedback: { incorrect: { kk: 'Қате' } } },
  matching,
  ordering(5),
  shortAnswer,
  numeric,
  essay,
  { ...essay, type: 'task', maxLength: 500 },
];

const FORBIDDEN = [
  'correct',
  'fraction',
  'answer',
  'answers',
  'sequence',
  'pairs',
  'tolerance',
  'scoring',
  'feedback',
  'meets',
  'competencies',
];

/** Every key anywhere in a JSON-like value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  }
  return [];
}

describe('seededRandom', () => {
  it('is deterministic per seed and within [0, 1)', () => {
    const a = seededRandom('attempt-1');
    const b = seededRandom('attempt-1');
    const c = seededRandom('attempt-2');
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // Roughly uniform: each tenth of the range gets its share.
    const buckets = Array<number>(10).fill(0);
    for (const x of xs) buckets[Math.floor(x * 10)]++;
    expect(Math.min(...buckets)).toBeGreaterThan(60);
  });

  it('shuffles into every order over many seeds', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++)
      seen.add(shuffle(['a', 'b', 'c'], seededRandom(`s${i}`)).join(''));
    expect(seen.size).toBe(6);
  });
});

describe('makePresentation', () => {
  it('keeps options in the author order unless asked to shuffle', () => {
    expect(makePresentation(single, seededRandom('x'), false)).toEqual({
      options: ['a', 'b', 'c', 'd'],
    });
    const shuffled = makePresentation(single, seededRandom('x'), true).options ?? [];
    expect([...shuffled].sort()).toEqual(['a', 'b', 'c', 'd']);
    const orders = new Set(
      Array.from({ length: 50 }, (_, i) =>
        makePresentation(single, seededRandom(`s${i}`), true).options?.join(''),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('is the same for the same seed', () => {
    for (const def of all) {
      expect(makePresentation(def, seededRandom('seed'), true)).toEqual(
        makePresentation(def, seededRandom('seed'), true),
      );
    }
  });

  it('keeps matching stems in order and always shuffles the right-hand column', () => {
    const orders = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = makePresentation(matching, seededRandom(`m${i}`), false);
      expect(p.stems).toEqual(['l1', 'l2', 'l3']);
      expect([...(p.options ?? [])].sort()).toEqual(['d1', 'r1', 'r2', 'r3']);
      orders.add(p.options?.join() ?? '');
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('never shows ordering pieces already in order', () => {
    for (const n of [2, 3, 5]) {
      const def = ordering(n);
      const correct = def.sequence.map((s) => s.id);
      for (let i = 0; i < 200; i++) {
        const options = makePresentation(def, seededRandom(`o${n}-${i}`), false).options ?? [];
        expect([...options].sort()).toEqual([...correct].sort());
        expect(options).not.toEqual(correct);
      }
    }
    // Even with a random source that always says the same.
    expect(makePresentation(ordering(4), () => 0.999, false).options).not.toEqual(
      ordering(4).sequence.map((s) => s.id),
    );
    expect(makePresentation(ordering(1), () => 0, false)).toEqual({ options: ['p0'] });
  });

  it('has nothing to order for other types', () => {
    expect(makePresentation(essay, seededRandom('x'), true)).toEqual({});
  });
});

describe('teacherItemView', () => {
  it.each(all.map((def) => [def.type, def] as const))(
    'shows a %s item without any part of the key',
    (_type, def) => {
      const view = teacherItemView(
        def,
        'item-1',
        makePresentation(def, seededRandom('v'), true),
        'ru',
        'part-1',
      );
      const keys = keysOf(view);
      for (const key of FORBIDDEN) expect([key, keys.includes(key)]).toEqual([key, false]);
      expect(view).toMatchObject({
        id: 'item-1',
        type: def.type,
        prompt: 'Вопрос',
        section: 'part-1',
      });
    },
  );

  it('shows choices in the presented order, in the reader language', () => {
    const view = teacherItemView(single, 'i', { options: ['c', 'a', 'd', 'b'] }, 'kk', 's');
    expect(view.options).toEqual([
      { id: 'c', text: 'c kk' },
      { id: 'a', text: 'a kk' },
      { id: 'd', text: 'd kk' },
      { id: 'b', text: 'b kk' },
    ]);
    expect(view.points).toBe(1);
    expect(view.rubric).toBeUndefined();
  });

  it('shows matching as stems and a presented right-hand column', () => {
    const view = teacherItemView(
      matching,
      'i',
      { stems: ['l1', 'l2', 'l3'], options: ['r2', 'd1', 'r3', 'r1'] },
      'ru',
      's',
    );
    expect(view.stems?.map((s) => s.text)).toEqual(['l1 ru', 'l2 ru', 'l3 ru']);
    expect(view.options?.map((s) => s.id)).toEqual(['r2', 'd1', 'r3', 'r1']);
  });

  it('never falls back to the key order when the presentation has none', () => {
    const def = ordering(5);
    const view = teacherItemView(def, 'i', {}, 'ru', 's');
    expect(view.options?.map((o) => o.id)).not.toEqual(def.sequence.map((s) => s.id));
    expect(view.options).toHaveLength(5);
    const columns = teacherItemView(matching, 'i', {}, 'ru', 's');
    expect(columns.options).toHaveLength(4);
  });

  it('shows a rubric without points, the item total and the length limit', () => {
    const view = teacherItemView(essay, 'i', {}, 'en', 's');
    expect(view.rubric).toEqual([
      {
        id: 'c1',
        title: 'Criterion',
        levels: [
          { id: 'l0', title: 'Жоқ' },
          { id: 'l1', title: 'Бар' },
        ],
      },
    ]);
    expect(view.points).toBe(4);
    expect(view.maxLength).toBe(20_000);
    expect(keysOf(view.rubric)).not.toContain('points');
  });
});

describe('publicShape', () => {
  const same = (a: ItemDefinition, b: ItemDefinition) =>
    expect(publicShape(b)).toEqual(publicShape(a));
  const differs = (a: ItemDefinition, b: ItemDefinition) =>
    expect(publicShape(b)).not.toEqual(publicShape(a));

  it('does not change when only the key changes', () => {
    same(single, {
      ...single,
      feedback: { correct: { kk: 'Басқа' } },
      options: single.options.map((o) => ({ ...o, correct: o.id === 'b', fraction: undefined })),
    });
    same(multiple, { ...multiple, scoring: 'partial' });
    same(matching, {
      ...matching,
      scoring: 'all_or_nothing',
      // r1 and the distractor swap roles; r2 and r3 swap stems.
      pairs: [
        { left: matching.pairs[0].left, right: choice('d1') },
        { left: matching.pairs[1].left, right: matching.pairs[2].right },
        { left: matching.pairs[2].left, right: matching.pairs[1].right },
      ],
      distractors: [matching.pairs[0].right],
    });
    same(ordering(4), { ...ordering(4), sequence: [...ordering(4).sequence].reverse() });
    same(shortAnswer, { ...shortAnswer, answers: [{ text: 'Абай*' }], caseSensitive: false });
    same(numeric, { ...numeric, answers: [{ value: 3.1416 }] });
    same(
      { ...essay, points: 10 },
      {
        ...essay,
        points: 10,
        rubric: {
          criteria: essay.rubric.criteria.map((c) => ({
            ...c,
            competencies: [],
            levels: c.levels.map((l) => ({ ...l, points: l.points * 2, meets: false })),
          })),
        },
      },
    );
    // Blank translations are not shown, so they do not count.
    same(single, { ...single, prompt: { ...single.prompt, en: '  ' } });
  });

  it('changes when anything a teacher sees changes', () => {
    differs(single, { ...single, prompt: { ...single.prompt, en: 'Question' } });
    differs(single, {
      ...single,
      options: single.options.map((o) =>
        o.id === 'c' ? { ...o, text: { ...o.text, ru: 'другое' } } : o,
      ),
    });
    differs(single, { ...single, options: [...single.options].reverse() });
    differs(single, { ...single, options: single.options.map((o) => ({ ...o, id: `x${o.id}` })) });
    differs(single, { ...single, points: 2 });
    differs(single, { ...single, type: 'multiple' });
    differs(matching, { ...matching, distractors: [] });
    differs(matching, {
      ...matching,
      pairs: [matching.pairs[1], matching.pairs[0], matching.pairs[2]],
    });
    differs(ordering(3), {
      ...ordering(3),
      sequence: ordering(3).sequence.map((s, i) => (i === 1 ? { ...s, text: { kk: 'жаңа' } } : s)),
    });
    differs(essay, {
      ...essay,
      rubric: {
        criteria: [{ ...essay.rubric.criteria[0], title: { kk: 'Басқа' } }],
      },
    });
    // Without explicit points, the rubric total is the item's points, which teachers see.
    differs(essay, {
      ...essay,
      rubric: {
        criteria: [
          {
            ...essay.rubric.criteria[0],
            levels: essay.rubric.criteria[0].levels.map((l) => ({ ...l, points: l.points + 1 })),
          },
        ],
      },
    });
    differs(essay, { ...essay, maxLength: 100 });
  });
});
