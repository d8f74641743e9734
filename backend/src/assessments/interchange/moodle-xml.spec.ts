import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ItemDefinition } from '@qadam/contracts';
import type { ImportOptions, InterchangeProblem } from './interchange';
import { parseMoodleXml, MOODLE_XML_MAX_BYTES } from './moodle-xml';

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

const quiz = (questions: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${questions}\n</quiz>\n`;

describe('parseMoodleXml: good.moodle.xml', () => {
  const result = parseMoodleXml(fixture('good.moodle.xml'), OPTS);
  const at = (i: number) => result.items[i];

  it('imports every question, numbered without categories, with its line and bank', () => {
    expect(result.problems).toEqual([]);
    expect(result.items.map((i) => [i.index, i.definition.type, i.line, i.bank, i.name])).toEqual([
      [1, 'single', 13, 'Default for AI course / AI basics', 'What is a model'],
      [2, 'multiple', 64, 'Default for AI course / AI basics', 'What AI can do'],
      [3, 'multiple', 89, 'Default for AI course / AI basics', 'Weighted'],
      [4, 'true_false', 112, 'Default for AI course / AI basics', 'The sun'],
      [5, 'short_answer', 133, 'Default for AI course / AI basics', 'AI stands for'],
      [6, 'numeric', 173, 'Қазақша сұрақтар', 'Пи саны'],
      [7, 'matching', 206, 'Қазақша сұрақтар', 'Әріптер'],
      [8, 'essay', 243, 'Қазақша сұрақтар', 'AI in my lesson'],
    ]);
  });

  it('reads single choice: HTML to text, entities, feedback, points, tags, dropped image', () => {
    expect(stripIds(at(0).definition)).toEqual({
      type: 'single',
      prompt: {
        kk: 'Which of these is a machine learning model?\n\nLook at the picture & choose:',
      },
      options: [
        {
          text: { kk: 'A neural network' },
          correct: true,
          feedback: { kk: 'Right: it learns from data.' },
        },
        { text: { kk: 'A spreadsheet formula' } },
        // XML decodes &amp;lt; to &lt;, which the HTML of the answer then decodes to <.
        { text: { kk: 'A printer <driver>' } },
      ],
      competencies: ['unesco-cft:1.1'],
      difficulty: 'medium',
      points: 2,
      feedback: {
        correct: { kk: 'Your answer is correct.' },
        incorrect: { kk: 'Your answer is incorrect.' },
        general: { kk: 'Models are learned from data.' },
      },
    });
    expect(at(0).warnings.map(brief)).toEqual([
      [1, 'moodle.image-dropped', 13, { file: 'neural net.png' }],
    ]);
  });

  it('gives ids to options, unique and not numbered in order', () => {
    const def = at(0).definition;
    if (def.type !== 'single') throw new Error('single expected');
    const ids = def.options.map((o) => o.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });

  it('maps even multiple choice to partial and uneven or negative to fractions', () => {
    expect(stripIds(at(1).definition)).toEqual({
      type: 'multiple',
      scoring: 'partial',
      prompt: { kk: 'Which tasks can current AI tools do?' },
      options: [
        { text: { kk: 'Classify images' }, correct: true },
        { text: { kk: 'Translate text' }, correct: true },
        { text: { kk: 'Read minds' } },
      ],
      competencies: ['iste-ed:2.3.b'],
      difficulty: 'easy',
    });
    expect(stripIds(at(2).definition)).toEqual({
      type: 'multiple',
      scoring: 'fractions',
      // moodle_auto_format keeps its line breaks.
      prompt: { kk: 'Which statements are true?\nChoose carefully.' },
      options: [
        { text: { kk: 'AI models learn from data' }, correct: true, fraction: 0.6666667 },
        { text: { kk: 'AI output should be checked' }, correct: true, fraction: 0.3333333 },
        { text: { kk: 'AI is never wrong' }, fraction: -1, feedback: { kk: 'It often is.' } },
      ],
      // No tags: the import's defaults.
      competencies: ['unesco-cft:3.1'],
      difficulty: 'medium',
    });
  });

  it('takes true/false from the 100% answer and its feedback as right/wrong feedback', () => {
    expect(at(3).definition).toEqual({
      type: 'true_false',
      answer: false,
      prompt: { kk: 'The sun rises in the west.' },
      competencies: ['unesco-cft:3.1'],
      difficulty: 'medium',
      feedback: {
        correct: { kk: 'Right.' },
        incorrect: { kk: 'Look again: it rises in the east.' },
      },
    });
  });

  it('keeps accepted short answers, turns `*` 0% into incorrect feedback, drops other 0%', () => {
    expect(at(4).definition).toEqual({
      type: 'short_answer',
      caseSensitive: true,
      answers: [
        { text: 'Artificial Intelligence' },
        { text: 'Artificial*', fraction: 0.5, feedback: { kk: 'Almost: say both words.' } },
      ],
      prompt: { kk: 'What does AI stand for?' },
      competencies: ['unesco-cft:3.1'],
      difficulty: 'medium',
      feedback: { incorrect: { kk: 'Think of the two words.' } },
    });
    expect(at(4).warnings.map(brief)).toEqual([
      [5, 'item.wrong-answers-dropped', 133, { count: 1 }],
    ]);
  });

  it('reads numerical answers with tolerance and warns about units and a bad tag', () => {
    expect(at(5).definition).toEqual({
      type: 'numeric',
      answers: [
        { value: 3.14, tolerance: 0.01, feedback: { kk: 'Дұрыс.' } },
        { value: 3, tolerance: 0.5, fraction: 0.5 },
      ],
      prompt: { kk: 'π санын екі ондық таңбаға дейін жазыңыз.' },
      competencies: ['unesco-cft:2.1'],
      difficulty: 'medium',
    });
    expect(at(5).warnings.map(brief)).toEqual([
      [6, 'moodle.units-ignored', 173, undefined],
      [6, 'item.unknown-competency', 173, { code: 'UNESCO-CFT:9.9' }],
    ]);
  });

  it('reads matching with Kazakh letters; a subquestion without text is a distractor', () => {
    expect(stripIds(at(6).definition)).toEqual({
      type: 'matching',
      scoring: 'partial',
      prompt: {
        kk: 'Қазақ әліпбиіндегі Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І әріптерін сөздермен сәйкестендіріңіз.',
      },
      pairs: [
        { left: { text: { kk: 'Ә' } }, right: { text: { kk: 'Әже' } } },
        { left: { text: { kk: 'Ғ' } }, right: { text: { kk: 'Ғылым' } } },
        { left: { text: { kk: 'Ө' } }, right: { text: { kk: 'Өнер' } } },
      ],
      distractors: [{ text: { kk: 'Һауа' } }],
      competencies: ['unesco-cft:1.2'],
      difficulty: 'medium',
    });
  });

  it('gives an essay a default rubric over its points and says so', () => {
    expect(at(7).definition).toEqual({
      type: 'essay',
      prompt: {
        kk: 'Жасанды интеллектіні сабақта қалай қолданасыз? Ұсыныстарыңызды жазыңыз.',
      },
      competencies: ['iste-ed:2.5'],
      difficulty: 'medium',
      points: 4,
      rubric: {
        criteria: [
          {
            id: 'c1',
            title: { kk: 'Жалпы баға', ru: 'Общая оценка', en: 'Overall' },
            levels: [
              { id: 'c1-l1', title: expect.any(Object), points: 0 },
              { id: 'c1-l2', title: expect.any(Object), points: 2 },
              { id: 'c1-l3', title: expect.any(Object), points: 4, meets: true },
            ],
          },
        ],
      },
    });
    expect(at(7).warnings.map(brief)).toEqual([
      [8, 'moodle.graderinfo-dropped', 243, undefined],
      [8, 'item.rubric-review', 243, undefined],
    ]);
  });

  it('skips questions without any competency when the import gives none', () => {
    const r = parseMoodleXml(fixture('good.moodle.xml'), { ...OPTS, competencies: [] });
    expect(r.items.map((i) => i.index)).toEqual([1, 2, 6, 7, 8]);
    expect(r.problems.map(brief)).toEqual([
      [3, 'item.no-competency', 89, undefined],
      [4, 'item.no-competency', 112, undefined],
      [5, 'item.no-competency', 133, undefined],
    ]);
  });
});

describe('parseMoodleXml: broken.moodle.xml', () => {
  const result = parseMoodleXml(fixture('broken.moodle.xml'), OPTS);

  it('imports the good questions', () => {
    expect(result.items.map((i) => [i.index, i.name, i.definition.type, i.line])).toEqual([
      [1, 'Good choice', 'single', 3],
      [7, 'Good true/false', 'true_false', 51],
    ]);
  });

  it('skips each broken question with its rule, index, name and line', () => {
    expect(result.problems.map((p) => [p.index, p.name, p.rule, p.line, p.params])).toEqual([
      [2, 'Cloze', 'moodle.unsupported-type', 11, { type: 'multianswer' }],
      [3, 'No correct answer', 'item.no-correct-answer', 16, undefined],
      [4, 'One pair', 'item.matching-too-few', 24, undefined],
      [5, 'No text', 'item.no-text', 37, undefined],
      [6, 'Bad fraction', 'item.bad-fraction', 43, { value: '150' }],
      [8, 'No full marks', 'item.no-full-credit', 58, undefined],
      [9, 'Intro', 'moodle.unsupported-type', 66, { type: 'description' }],
      [10, 'Empty answer', 'item.empty-answer', 71, { position: 2 }],
      [11, 'Shared answer', 'item.matching-shared-answer', 79, { answer: 'Mammal' }],
      [12, 'Too many points', 'item.bad-points', 87, { value: '250' }],
      [13, 'Not a number', 'item.bad-number', 93, { value: 'three' }],
    ]);
  });
});

describe('parseMoodleXml: hostile and broken files', () => {
  it('refuses a DOCTYPE with an external entity and never shows the file', () => {
    const result = parseMoodleXml(fixture('xxe.moodle.xml'), OPTS);
    expect(result).toEqual({
      items: [],
      problems: [{ index: 0, name: '', rule: 'moodle.doctype' }],
    });
    expect(JSON.stringify(result)).not.toMatch(/root:|\/bin\/|daemon/);
  });

  it('refuses any DTD, however written, including an entity bomb', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<quiz>&lol3;</quiz>`;
    for (const xml of [bomb, '<!doctype quiz><quiz/>', '<quiz><!ENTITY x "y"></quiz>']) {
      expect(parseMoodleXml(xml, OPTS).problems.map((p) => p.rule)).toEqual(['moodle.doctype']);
    }
  });

  it('leaves undeclared entities as written and decodes numeric references', () => {
    const xml = quiz(`<question type="truefalse">
      <name><text>&#x49A;&#1201;&#1179;</text></name>
      <questiontext format="plain_text"><text>&xxe; &amp; &lt;ok&gt;</text></questiontext>
      <answer fraction="100"><text>true</text></answer>
      <answer fraction="0"><text>false</text></answer>
    </question>`);
    const [item] = parseMoodleXml(xml, OPTS).items;
    expect(item.name).toBe('Құқ');
    expect(item.definition.prompt).toEqual({ kk: '&xxe; & <ok>' });
  });

  it('reports malformed XML once, at the parser line', () => {
    expect(parseMoodleXml(fixture('malformed.moodle.xml'), OPTS)).toEqual({
      items: [],
      problems: [
        {
          index: 0,
          name: '',
          line: 11,
          rule: 'moodle.malformed',
          params: {
            detail:
              "Expected closing tag 'name' (opened in line 9, col 5) instead of closing tag 'question'.",
          },
        },
      ],
    });
  });

  it('refuses files over the size limit, counting bytes', () => {
    expect(MOODLE_XML_MAX_BYTES).toBe(10 * 1024 * 1024);
    const kazakh = 'Қ'.repeat(MOODLE_XML_MAX_BYTES / 2 + 1); // 2 bytes each in UTF-8
    for (const xml of [quiz('x'.repeat(MOODLE_XML_MAX_BYTES)), kazakh]) {
      expect(parseMoodleXml(xml, OPTS).problems).toEqual([
        { index: 0, name: '', rule: 'interchange.too-large', params: { limit: '10 MB' } },
      ]);
    }
    const fits = quiz(' '.repeat(MOODLE_XML_MAX_BYTES - 200));
    expect(parseMoodleXml(fits, OPTS).problems.map((p) => p.rule)).toEqual(['interchange.empty']);
  });

  it('says when the root is not <quiz> or there are no questions', () => {
    expect(parseMoodleXml('<questions/>', OPTS).problems.map((p) => p.rule)).toEqual([
      'moodle.not-quiz',
    ]);
    const onlyCategory = quiz(
      '<question type="category"><category><text>$course$/top/X</text></category></question>',
    );
    expect(parseMoodleXml(onlyCategory, OPTS).problems.map((p) => p.rule)).toEqual([
      'interchange.empty',
    ]);
  });

  it('does not count <question inside CDATA or comments when finding lines', () => {
    const xml = quiz(`<!-- <question type="essay"> -->
  <question type="truefalse">
    <name><text>T</text></name>
    <questiontext format="html"><text><![CDATA[<question type="x">]]> Wet?</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
  </question>`);
    expect(parseMoodleXml(xml, OPTS).items.map((i) => i.line)).toEqual([4]);
  });

  it('puts questions before any category in the default bank and normalises paths', () => {
    const tf =
      '<question type="truefalse"><questiontext><text>Wet?</text></questiontext><answer fraction="100"><text>true</text></answer></question>';
    const xml = quiz(
      `${tf}<question type="category"><category><text>$system$/top/A//B/C</text></category></question>${tf}`,
    );
    const items = parseMoodleXml(xml, OPTS).items;
    expect(items.map((i) => [i.bank, i.name])).toEqual([
      ['Imported', 'Wet?'],
      ['A/B / C', 'Wet?'],
    ]);
  });
});
