import { XMLValidator } from 'fast-xml-parser';
import type { ItemDefinition } from '@qadam/contracts';
import { INTERCHANGE_MESSAGES, type ImportOptions } from './interchange';
import { toMoodleXml } from './moodle-export';
import { parseMoodleXml } from './moodle-xml';

const OPTS: ImportOptions = {
  lang: 'kk',
  competencies: [],
  difficulty: 'medium',
  defaultBank: 'Imported',
};
/** Choice ids are random and rubric ids are renumbered: compare without them. */
const stripIds = (def: ItemDefinition): unknown =>
  JSON.parse(JSON.stringify(def, (k, v) => (k === 'id' ? undefined : v)));

const base = { competencies: ['unesco-cft:1.1'], difficulty: 'medium' as const };

/** One item of every type Moodle can hold, in the shape the importer gives back. */
const ITEMS: { name: string; definition: ItemDefinition }[] = [
  {
    name: 'Single <b> & "quotes"',
    definition: {
      type: 'single',
      prompt: {
        kk: 'Қай жауап дұрыс? <b>жуан</b> & "тырнақша" ]]> соңы\nЕкінші жол\n\nЕкінші абзац',
      },
      options: [
        { id: 'a', text: { kk: 'Әрине < иә & т.б.' }, correct: true, feedback: { kk: 'Дұрыс!' } },
        { id: 'b', text: { kk: 'Жоқ' } },
      ],
      competencies: ['unesco-cft:1.1', 'iste-ed:2.3.b'],
      difficulty: 'hard',
      points: 2,
      feedback: {
        correct: { kk: 'Жарайсыз.' },
        incorrect: { kk: 'Қайталаңыз.' },
        general: { kk: 'Жалпы түсініктеме.' },
      },
    },
  },
  {
    name: 'Single with partial credit',
    definition: {
      type: 'single',
      prompt: { kk: 'Ең жақсы жауап?' },
      options: [
        { id: 'a', text: { kk: 'Ең жақсы' }, correct: true, fraction: 1 },
        { id: 'b', text: { kk: 'Жартылай' }, fraction: 0.5 },
        { id: 'c', text: { kk: 'Қате' }, fraction: 0 },
      ],
      ...base,
    },
  },
  {
    name: 'Multiple, partial',
    definition: {
      type: 'multiple',
      scoring: 'partial',
      prompt: { kk: 'Қайсылары дұрыс?' },
      options: [
        { id: 'a', text: { kk: 'Бір' }, correct: true },
        { id: 'b', text: { kk: 'Екі' } },
        { id: 'c', text: { kk: 'Үш' }, correct: true },
        { id: 'd', text: { kk: 'Төрт' }, correct: true },
      ],
      ...base,
    },
  },
  {
    name: 'Multiple, fractions',
    definition: {
      type: 'multiple',
      scoring: 'fractions',
      prompt: { kk: 'Салмақты таңдау' },
      options: [
        { id: 'a', text: { kk: 'Көп' }, correct: true, fraction: 0.75 },
        { id: 'b', text: { kk: 'Аз' }, correct: true, fraction: 0.25 },
        { id: 'c', text: { kk: 'Қате' }, fraction: -0.5, feedback: { kk: 'Айыппұл' } },
        { id: 'd', text: { kk: 'Бейтарап' }, fraction: 0 },
      ],
      ...base,
    },
  },
  {
    name: 'True or false',
    definition: {
      type: 'true_false',
      answer: false,
      prompt: { kk: 'Күн батыстан шығады.' },
      ...base,
      feedback: {
        correct: { kk: 'Иә, шығыстан.' },
        incorrect: { kk: 'Қайта ойланыңыз.' },
        general: { kk: 'Күн шығыстан шығады.' },
      },
    },
  },
  {
    name: 'Short answer',
    definition: {
      type: 'short_answer',
      caseSensitive: true,
      prompt: { kk: 'C тілінің мұрагері?' },
      answers: [{ text: 'C++ & C#' }, { text: 'C*', fraction: 0.5, feedback: { kk: 'Жақын.' } }],
      ...base,
      points: 1.5,
      feedback: { correct: { kk: 'Тамаша.' }, incorrect: { kk: 'Жоқ.' } },
    },
  },
  {
    name: 'Numeric',
    definition: {
      type: 'numeric',
      prompt: { kk: 'π саны?' },
      answers: [
        { value: 3.14, tolerance: 0.01, feedback: { kk: 'Дәл.' } },
        { value: -3, tolerance: 0.5, fraction: 0.25 },
      ],
      ...base,
      feedback: { incorrect: { kk: 'Шеңберді еске түсіріңіз.' } },
    },
  },
  {
    name: 'Matching',
    definition: {
      type: 'matching',
      scoring: 'partial',
      prompt: { kk: 'Сәйкестендіріңіз' },
      pairs: [
        { left: { id: 'l1', text: { kk: 'Ә' } }, right: { id: 'r1', text: { kk: 'Әже <&>' } } },
        { left: { id: 'l2', text: { kk: 'Ғ' } }, right: { id: 'r2', text: { kk: 'Ғылым' } } },
      ],
      distractors: [{ id: 'r3', text: { kk: 'Һауа' } }],
      ...base,
      feedback: { general: { kk: 'Әріптер.' } },
    },
  },
  {
    name: 'Essay',
    definition: {
      type: 'essay',
      prompt: { kk: 'Сабағыңызды сипаттаңыз.' },
      rubric: {
        criteria: [
          {
            id: 'c1',
            title: { kk: 'Мазмұны', ru: 'Содержание', en: 'Content' },
            competencies: ['unesco-cft:2.2'],
            levels: [
              { id: 'c1-l1', title: { kk: 'Жоқ' }, points: 0 },
              { id: 'c1-l2', title: { kk: 'Бар' }, points: 3, meets: true },
            ],
          },
          {
            id: 'c2',
            title: { kk: 'Тілі -- "анық"' },
            levels: [
              { id: 'c2-l1', title: { kk: 'Нашар' }, points: 0 },
              { id: 'c2-l2', title: { kk: 'Жақсы' }, points: 1.5 },
            ],
          },
        ],
      },
      maxLength: 5000,
      ...base,
      points: 5,
      feedback: { general: { kk: 'Рахмет.' } },
    },
  },
  {
    name: 'Task',
    definition: {
      type: 'task',
      prompt: { kk: 'Жоба жасаңыз.' },
      rubric: {
        criteria: [
          {
            id: 'c1',
            title: { kk: 'Нәтиже' },
            levels: [
              { id: 'c1-l1', title: { kk: 'Жоқ' }, points: 0 },
              { id: 'c1-l2', title: { kk: 'Бар' }, points: 2 },
            ],
          },
        ],
      },
      ...base,
    },
  },
];

const ORDERING: { name: string; definition: ItemDefinition } = {
  name: 'Order',
  definition: {
    type: 'ordering',
    prompt: { kk: 'Ретке келтіріңіз' },
    sequence: [
      { id: 'a', text: { kk: 'Бір' } },
      { id: 'b', text: { kk: 'Екі' } },
    ],
    ...base,
  },
};

describe('toMoodleXml', () => {
  const banks = [
    { name: 'Тілдер / AI/ML', items: ITEMS.slice(0, 5) },
    { name: 'Second', items: [...ITEMS.slice(5), ORDERING] },
  ];
  const { xml, skipped } = toMoodleXml(banks, 'kk');

  it('writes well-formed XML with a category per bank', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<category><text>$course$/top/Тілдер/AI//ML</text></category>');
    expect(xml).toContain('<category><text>$course$/top/Second</text></category>');
  });

  it('round-trips every exported type to an equal definition', () => {
    const parsed = parseMoodleXml(xml, OPTS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.items.map((i) => [i.name, i.bank])).toEqual(
      ITEMS.map((i, n) => [i.name, n < 5 ? 'Тілдер / AI/ML' : 'Second']),
    );
    parsed.items.forEach((item, n) => {
      expect(stripIds(item.definition)).toEqual(stripIds(ITEMS[n].definition));
    });
    // A rubric from Qadam comes back as it was: nothing to review.
    expect(parsed.items.flatMap((i) => i.warnings)).toEqual([]);
  });

  it('skips ordering items with a reason in the export language', () => {
    expect(skipped).toEqual([
      { name: 'Order', reason: INTERCHANGE_MESSAGES['moodle.export-ordering'].kk },
    ]);
    expect(toMoodleXml([{ name: 'B', items: [ORDERING] }], 'en').skipped[0].reason).toBe(
      INTERCHANGE_MESSAGES['moodle.export-ordering'].en,
    );
    expect(xml).not.toContain('Ретке келтіріңіз');
  });

  it('describes a rubric for Moodle graders', () => {
    expect(xml).toContain('<p>Мазмұны</p>\n<ul><li>Жоқ — 0</li><li>Бар — 3</li></ul>');
  });

  it('escapes names, and text inside CDATA, so ]]> cannot end it', () => {
    expect(xml).toContain('<name><text>Single &lt;b&gt; &amp; &quot;quotes&quot;</text></name>');
    expect(xml).toContain('&lt;b&gt;жуан&lt;/b&gt; &amp; &quot;тырнақша&quot; ]]&gt; соңы');
    expect(xml).toContain('<text>C++ &amp; C#</text>');
  });

  it('writes tags for competencies and difficulty', () => {
    expect(xml).toContain('<tag><text>iste-ed:2.3.b</text></tag>');
    expect(xml).toContain('<tag><text>difficulty:hard</text></tag>');
  });

  it('falls back kk → ru → en for texts missing in the export language', () => {
    const def: ItemDefinition = {
      type: 'true_false',
      answer: true,
      prompt: { ru: 'Только по-русски', en: 'English too' },
      ...base,
    };
    const out = toMoodleXml([{ name: 'B', items: [{ name: 'T', definition: def }] }], 'en').xml;
    expect(out).toContain('<p>English too</p>');
    const kk = toMoodleXml([{ name: 'B', items: [{ name: 'T', definition: def }] }], 'kk').xml;
    expect(kk).toContain('<p>Только по-русски</p>');
  });

  it('approximates all-or-nothing multiple choice with penalties for wrong options', () => {
    const def: ItemDefinition = {
      type: 'multiple',
      scoring: 'all_or_nothing',
      prompt: { kk: 'Барлығы немесе ештеңе' },
      options: [
        { id: 'a', text: { kk: 'A' }, correct: true },
        { id: 'b', text: { kk: 'B' }, correct: true },
        { id: 'c', text: { kk: 'C' } },
      ],
      ...base,
    };
    const out = toMoodleXml([{ name: 'B', items: [{ name: 'M', definition: def }] }], 'kk').xml;
    const [item] = parseMoodleXml(out, OPTS).items;
    expect(stripIds(item.definition)).toMatchObject({
      scoring: 'fractions',
      options: [{ fraction: 0.5 }, { fraction: 0.5 }, { fraction: -1 }],
    });
  });

  it('drops characters XML cannot hold', () => {
    const def: ItemDefinition = {
      type: 'true_false',
      answer: true,
      prompt: { kk: 'Бір\u0001екі\uFFFE' },
      ...base,
    };
    const out = toMoodleXml([{ name: 'B', items: [{ name: 'x\u0000', definition: def }] }], 'kk');
    expect(XMLValidator.validate(out.xml)).toBe(true);
    expect(parseMoodleXml(out.xml, OPTS).items[0].definition.prompt).toEqual({ kk: 'Бірекі' });
  });
});
