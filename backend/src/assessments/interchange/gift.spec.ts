import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ItemDefinition } from '@qadam/contracts';
import { GIFT_MAX_BYTES, parseGift } from './gift';
import type { ImportOptions, InterchangeProblem } from './interchange';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const OPTS: ImportOptions = {
  lang: 'kk',
  competencies: ['unesco-cft:3.1'],
  difficulty: 'medium',
  defaultBank: 'Imported',
};
/** Choice ids are random: compare without them. */
const stripIds = (def: ItemDefinition): unknown =>
  JSON.parse(JSON.stringify(def, (k, v) => (k === 'id' ? undefined : v)));
const brief = (p: InterchangeProblem) => [p.index, p.rule, p.line, p.params];
const base = { competencies: ['unesco-cft:3.1'], difficulty: 'medium' };

describe('parseGift: good.gift.txt', () => {
  const result = parseGift(fixture('good.gift.txt'), OPTS);
  const def = (name: string) => {
    const item = result.items.find((i) => i.name === name);
    if (!item) throw new Error(`no item ${name}`);
    return stripIds(item.definition);
  };

  it('imports every question with its index, starting line, type and category', () => {
    expect(result.problems).toEqual([]);
    expect(result.items.map((i) => [i.index, i.line, i.definition.type, i.bank])).toEqual([
      [1, 7, 'single', 'Default / AI basics'],
      [2, 14, 'multiple', 'Default / AI basics'],
      [3, 21, 'true_false', 'Default / AI basics'],
      [4, 23, 'true_false', 'Default / AI basics'],
      [5, 25, 'short_answer', 'Default / AI basics'],
      [6, 30, 'matching', 'Default / AI basics'],
      [7, 38, 'numeric', 'Default / AI basics'],
      [8, 40, 'numeric', 'Default / AI basics'],
      [9, 42, 'numeric', 'Default / AI basics'],
      [10, 44, 'numeric', 'Default / AI basics'],
      [11, 50, 'essay', 'Default / AI basics'],
      [12, 52, 'single', 'Default / AI basics'],
      [13, 54, 'true_false', 'Default / AI basics'],
      [14, 56, 'true_false', 'Default / AI basics'],
      [15, 59, 'single', 'Default / AI basics'],
      [16, 66, 'true_false', 'Тілдер / Қазақша'],
      [17, 68, 'single', 'Тілдер / Қазақша'],
      [18, 74, 'single', 'Тілдер / Қазақша'],
    ]);
  });

  it('reads multiple choice with feedback, general feedback and a competencies comment', () => {
    expect(def('MC single')).toEqual({
      type: 'single',
      prompt: { kk: 'Which of these is a machine learning model?' },
      options: [
        {
          text: { kk: 'A neural network' },
          correct: true,
          feedback: { kk: 'Right: it learns from data.' },
        },
        {
          text: { kk: 'A spreadsheet formula' },
          feedback: { kk: 'No: someone wrote it by hand.' },
        },
        { text: { kk: 'A printer driver' } },
      ],
      competencies: ['unesco-cft:1.1', 'iste-ed:2.3.b'],
      difficulty: 'medium',
      feedback: { general: { kk: 'Models are learned from data.' } },
    });
  });

  it('reads weights as fractions of a multiple choice', () => {
    expect(def('Weighted')).toEqual({
      type: 'multiple',
      scoring: 'fractions',
      prompt: { kk: 'Which statements about AI are true?' },
      options: [
        { text: { kk: 'It can classify images' }, correct: true, fraction: 0.5 },
        { text: { kk: 'It can translate text' }, correct: true, fraction: 0.5 },
        { text: { kk: 'It is never wrong' }, fraction: -1, feedback: { kk: 'It often is.' } },
      ],
      ...base,
    });
  });

  it('reads true/false, Moodle tag comments, and wrong-then-right feedback', () => {
    expect(def('TF true')).toEqual({
      type: 'true_false',
      answer: true,
      prompt: { kk: 'An algorithm is a finite sequence of steps.' },
      competencies: ['iste-ed:2.5.b'],
      difficulty: 'hard',
    });
    expect(def('TF false')).toEqual({
      type: 'true_false',
      answer: false,
      prompt: { kk: 'The sun rises in the west.' },
      ...base,
      feedback: {
        incorrect: { kk: 'Look again: it rises in the east.' },
        correct: { kk: 'Right.' },
        general: { kk: 'The sun rises in the east.' },
      },
    });
  });

  it('reads short answers with weights and feedback', () => {
    expect(def('Short')).toEqual({
      type: 'short_answer',
      answers: [
        { text: 'artificial intelligence' },
        { text: 'AI', fraction: 0.5, feedback: { kk: 'Spell it out.' } },
      ],
      prompt: { kk: 'What does AI stand for?' },
      ...base,
    });
  });

  it('reads matching pairs; a pair without a left side is a distractor', () => {
    expect(def('Matching')).toEqual({
      type: 'matching',
      scoring: 'partial',
      pairs: [
        { left: { text: { kk: 'ChatGPT' } }, right: { text: { kk: 'text generation' } } },
        { left: { text: { kk: 'DALL·E' } }, right: { text: { kk: 'image generation' } } },
        { left: { text: { kk: 'Whisper' } }, right: { text: { kk: 'speech recognition' } } },
      ],
      distractors: [{ text: { kk: 'spreadsheet macros' } }],
      prompt: { kk: 'Match each tool to what it does.' },
      ...base,
      feedback: { general: { kk: "Check the vendors' pages." } },
    });
  });

  it('reads numbers with tolerance, ranges as midpoints and several weighted answers', () => {
    const answers = (name: string) => (def(name) as { answers: unknown }).answers;
    expect(answers('Pi')).toEqual([{ value: 3.14, tolerance: 0.01 }]);
    expect(answers('Range')).toEqual([{ value: 3, tolerance: 2 }]);
    expect(answers('Two answers')).toEqual([
      { value: 3.2 },
      { value: 3.1, tolerance: 0.1, fraction: 0.5 },
    ]);
    expect(def('Dartmouth')).toEqual({
      type: 'numeric',
      answers: [
        { value: 1956, feedback: { kk: 'Correct.' } },
        { value: 1956, tolerance: 2, fraction: 0.5, feedback: { kk: 'Close.' } },
      ],
      prompt: { kk: 'When was the Dartmouth workshop on AI held?' },
      ...base,
      feedback: { general: { kk: 'It started the field.' } },
    });
  });

  it('gives an essay the default rubric and a warning', () => {
    const essay = result.items.find((i) => i.name === 'Essay');
    expect(essay?.definition).toMatchObject({
      type: 'essay',
      rubric: {
        criteria: [{ levels: [{ points: 0 }, { points: 0.5 }, { points: 1, meets: true }] }],
      },
    });
    expect(essay?.warnings.map(brief)).toEqual([[11, 'item.rubric-review', 50, undefined]]);
  });

  it('turns [html] into text, keeps [markdown] as written and line breaks of [plain]', () => {
    expect(def('HTML')).toMatchObject({
      prompt: { kk: 'Which is a large language model?' },
      options: [{ text: { kk: 'GPT-4' }, correct: true }, { text: { kk: 'A calculator' } }],
    });
    expect(def('Markdown')).toMatchObject({ prompt: { kk: 'Is **this** written in Markdown?' } });
    expect(def('Plain')).toMatchObject({
      answer: false,
      prompt: { kk: 'Line one of the text\nline two of the text' },
    });
  });

  it('decodes escapes and names an untitled question by its text', () => {
    const untitled = result.items[14];
    expect(untitled.name).toBe('Which character marks a wrong answer in GIFT: ~ or =? Bra…');
    expect(stripIds(untitled.definition)).toMatchObject({
      prompt: {
        kk: 'Which character marks a wrong answer in GIFT: ~ or =? Braces { } and # need escaping too.',
      },
      options: [{ text: { kk: '~ tilde' }, correct: true }, { text: { kk: '= equals' } }],
    });
  });

  it('reads Kazakh and Russian text', () => {
    expect(def('Әліпби')).toMatchObject({
      answer: true,
      prompt: { kk: 'Қазақ әліпбиінде Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І әріптері бар.' },
    });
    expect(def('Жасанды интеллект')).toMatchObject({
      options: [
        { text: { kk: 'Машинаның адам сияқты ойлау қабілеті' }, correct: true },
        { text: { kk: 'Компьютердің қуаты' } },
        { text: { kk: 'Интернет жылдамдығы' } },
      ],
    });
    expect(def('Машинное обучение')).toMatchObject({
      prompt: { kk: 'Что такое машинное обучение?' },
      options: [{ correct: true }, {}, {}],
    });
  });

  it('skips questions without competencies when the import gives none', () => {
    const r = parseGift(fixture('good.gift.txt'), { ...OPTS, competencies: [] });
    expect(r.items.map((i) => i.name)).toEqual(['MC single', 'TF true']);
    expect(r.problems).toHaveLength(16);
    expect(new Set(r.problems.map((p) => p.rule))).toEqual(new Set(['item.no-competency']));
  });
});

describe('parseGift: broken.gift.txt', () => {
  const result = parseGift(fixture('broken.gift.txt'), OPTS);

  it('imports the good questions, including unescaped = in the text as Moodle does', () => {
    expect(result.items.map((i) => [i.index, i.name, i.line, stripIds(i.definition)])).toEqual([
      [
        1,
        'Good one',
        3,
        {
          type: 'single',
          prompt: { kk: '2 + 2 = ?' },
          options: [{ text: { kk: '4' }, correct: true }, { text: { kk: '5' } }],
          ...base,
        },
      ],
      [
        5,
        'Good two',
        13,
        {
          type: 'true_false',
          answer: true,
          prompt: { kk: 'GIFT is a plain-text format.' },
          ...base,
        },
      ],
      [
        11,
        'Good three',
        26,
        {
          type: 'short_answer',
          answers: [{ text: 'red' }, { text: 'blue' }, { text: 'yellow' }],
          prompt: { kk: 'Name a primary colour.' },
          competencies: ['unesco-cft:1.1'],
          difficulty: 'medium',
        },
      ],
    ]);
    expect(result.items[2].warnings.map(brief)).toEqual([
      [11, 'item.unknown-competency', 26, { code: 'not-a-code' }],
    ]);
  });

  it('reports each broken question at its starting line with its rule', () => {
    expect(result.problems.map(brief)).toEqual([
      [2, 'gift.unbalanced-braces', 5, { at: 5 }],
      [3, 'gift.empty-answer', 9, undefined],
      [4, 'gift.unknown-construct', 11, { block: '{?maybe}' }],
      [6, 'gift.no-answer-block', 15, undefined],
      [7, 'gift.several-answer-blocks', 17, undefined],
      [8, 'gift.unbalanced-braces', 19, { at: 19 }],
      [9, 'item.bad-fraction', 21, { value: '150' }],
      [10, 'item.fractions-sum', 23, { sum: '50' }],
      [12, 'gift.unclosed-title', 28, undefined],
      [13, 'gift.unknown-construct', 30, { block: '{#abc}' }],
    ]);
    expect(result.problems.map((p) => p.name)).toEqual([
      'Unbalanced',
      'Empty answers',
      'Unknown',
      'No block',
      'Two blocks',
      'Stray',
      'Bad weight',
      'No full marks',
      // No title: the start of the line stands in.
      'Unclosed title Which title?',
      'Bad number',
    ]);
  });
});

describe('parseGift: details', () => {
  const one = (text: string, opts: ImportOptions = OPTS) => parseGift(text, opts);

  it('reads Windows line endings and a byte order mark', () => {
    const r = one('\uFEFF::A:: Yes? {T}\r\n\r\n::B:: No? {F}\r\n');
    expect(r.items.map((i) => [i.name, i.line])).toEqual([
      ['A', 1],
      ['B', 3],
    ]);
  });

  it('reads a question split by comment lines and reports a brace at its real line', () => {
    const r = one(
      '::Q:: Pick {\n// a comment in the middle\n=a\n~b\n}\n\n::R:: Pick {\n// x\n=a {\n}',
    );
    expect(r.items.map((i) => i.name)).toEqual(['Q']);
    expect(r.problems.map(brief)).toEqual([[2, 'gift.unbalanced-braces', 7, { at: 9 }]]);
  });

  it('accepts Moodle single numeric answers with feedback and spaces after markers', () => {
    const r = one(
      '::N:: π? {#3.14:0.01#Close enough.}\n\n::M:: e? {#\n= 2.72:0.01 # Yes: e.\n= %50% 2.7 #Nearly\n}',
    );
    expect(r.items.map((i) => stripIds(i.definition))).toEqual([
      expect.objectContaining({
        answers: [{ value: 3.14, tolerance: 0.01, feedback: { kk: 'Close enough.' } }],
      }),
      expect.objectContaining({
        answers: [
          { value: 2.72, tolerance: 0.01, feedback: { kk: 'Yes: e.' } },
          { value: 2.7, fraction: 0.5, feedback: { kk: 'Nearly' } },
        ],
      }),
    ]);
  });

  it('reads colons and equals signs in text and answers as text', () => {
    const r = one('::Time: now:: Note: 1+1=2, ratio 1:2? {=Ratio 1:2 ~Ratio 2:1}');
    expect(r.items[0].name).toBe('Time: now');
    expect(stripIds(r.items[0].definition)).toMatchObject({
      prompt: { kk: 'Note: 1+1=2, ratio 1:2?' },
      options: [{ text: { kk: 'Ratio 1:2' } }, { text: { kk: 'Ratio 2:1' } }],
    });
  });

  it('keeps the text around an embedded answer block', () => {
    const r = one('Two plus {=two =2} equals four.');
    expect(r.items[0].definition).toMatchObject({
      type: 'short_answer',
      prompt: { kk: 'Two plus _____ equals four.' },
    });
  });

  it('warns about images in HTML and bad codes in a competencies comment', () => {
    const r = one(
      '// competencies: iste-ed:2.9, unesco-cft:1.3\n::I:: [html]<p><img src="@@PLUGINFILE@@/a.png">Which?</p>{=a ~b}',
    );
    expect(r.items[0].definition.competencies).toEqual(['unesco-cft:1.3']);
    expect(r.items[0].warnings.map(brief)).toEqual([
      [1, 'item.unknown-competency', 2, { code: 'iste-ed:2.9' }],
      [1, 'gift.image-dropped', 2, { file: 'a.png' }],
    ]);
  });

  it('says when a file has no questions and refuses files over the size limit', () => {
    expect(one('// only a comment\n\n$CATEGORY: A\n').problems.map((p) => p.rule)).toEqual([
      'interchange.empty',
    ]);
    expect(GIFT_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(one('x'.repeat(GIFT_MAX_BYTES + 1)).problems).toEqual([
      { index: 0, name: '', rule: 'interchange.too-large', params: { limit: '10 MB' } },
    ]);
  });
});
