import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { canonicalJson, findCoursePackages, loadCoursePackage } from './package-loader';
import {
  PACKAGE_PROBLEM_MESSAGES,
  formatProblem,
  type PackageProblem,
  type PackageProblemRule,
} from './package-problems';

const FIXTURES = path.join(__dirname, '__fixtures__');
const LANGS = ['kk', 'ru', 'en'] as const;

/** `file:line rule`, sorted: the order within one line is not part of the contract. */
function where(problems: PackageProblem[]): string[] {
  return problems.map((p) => `${p.file}:${p.line} ${p.rule}`).sort();
}

async function loadOk(dir: string) {
  const result = await loadCoursePackage(dir);
  if (!result.ok) {
    throw new Error(
      `expected ${dir} to load:\n${result.problems.map((p) => formatProblem(p, 'en')).join('\n')}`,
    );
  }
  return result;
}

async function loadBroken(dir: string) {
  const result = await loadCoursePackage(dir);
  if (result.ok) throw new Error(`expected ${dir} to fail`);
  return result;
}

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'qadam-course-package-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A copy of a fixture package in the tmp dir, under the same folder name. */
async function copyFixture(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await fs.cp(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

describe('loadCoursePackage: good-course', () => {
  it('loads the document with the defaults applied', async () => {
    const result = await loadOk(path.join(FIXTURES, 'good-course'));
    expect(result.slug).toBe('good-course');
    expect(result.dir).toBe(path.join(FIXTURES, 'good-course'));
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);

    const { modules, assessments, ...course } = result.document;
    expect(course).toEqual({
      level: 'acquire',
      kind: 'mooc',
      languages: ['kk', 'ru'],
      hours: 12,
      title: {
        kk: 'Мұғалім жұмысындағы жасанды интеллект',
        ru: 'Искусственный интеллект в работе учителя',
        en: "AI in a teacher's work",
      },
      description: {
        kk: expect.stringContaining('Генеративтік модельдердің'),
        ru: expect.stringContaining('генеративные модели'),
      },
      audience: {},
      competencies: ['unesco-cft:1.1', 'iste-ed:2.1.a'],
    });

    expect(modules.map((m) => [m.key, m.lessons.map((l) => l.key)])).toEqual([
      ['generative-models', ['what-is-generative-ai', 'writing-prompts']],
      ['ethics', ['student-data']],
    ]);
    const [whatIs, prompts] = modules[0].lessons;
    const { body, ...whatIsMeta } = whatIs;
    expect(whatIsMeta).toEqual({
      key: 'what-is-generative-ai',
      title: { kk: 'Генеративтік ЖИ дегеніміз не?', ru: 'Что такое генеративный ИИ?' },
      minutes: 7,
      required: true,
      competencies: ['unesco-cft:3.1'],
      sources: [
        {
          title: 'UNESCO (2024). AI competency framework for teachers.',
          url: 'https://doi.org/10.54675/ZJTE2084',
        },
      ],
    });
    expect(Object.keys(body).sort()).toEqual(['kk', 'ru']);
    expect(body.kk).toMatch(/^# Генеративтік ЖИ дегеніміз не\?\n\n/);
    expect(body.kk).toMatch(/\(https:\/\/doi\.org\/10\.54675\/ZJTE2084\)\.$/);
    expect(body.ru).toContain('**создаёт**');

    expect(prompts).toMatchObject({ required: false, competencies: [], sources: [] });
    // A source without a url has no url key at all, not `url: undefined`.
    expect(modules[1].lessons[0].sources).toEqual([
      { title: 'Қазақстан Республикасының «Дербес деректер және оларды қорғау туралы» Заңы' },
    ]);

    expect(assessments).toEqual([
      {
        key: 'module-1-quiz',
        kind: 'quiz',
        title: { kk: '1-модуль бойынша тест', ru: 'Тест по модулю 1' },
        passMark: 70,
        timeLimitMinutes: 15,
        attemptsAllowed: 3,
        required: false,
        module: 'generative-models',
        competencies: ['unesco-cft:3.1'],
        sections: [{ key: 'drawn', draw: { bank: 'module-1-bank', count: 2 } }],
        availableFrom: null,
        availableUntil: null,
        shuffleItems: false,
        shuffleOptions: true,
        layout: 'one_per_page',
        review: { shows: 'feedback', from: 'submit' },
      },
      {
        key: 'final-test',
        kind: 'final',
        title: { kk: 'Қорытынды тест', ru: 'Итоговый тест' },
        passMark: 80,
        timeLimitMinutes: null,
        attemptsAllowed: null,
        required: true,
        module: null,
        competencies: [],
        sections: [],
        availableFrom: null,
        availableUntil: null,
        shuffleItems: false,
        shuffleOptions: true,
        layout: 'one_per_page',
        review: { shows: 'score', from: 'submit' },
      },
    ]);
  });

  it('loads banks/*.yaml with opaque, stable choice ids', async () => {
    const a = await loadCoursePackage(path.join(FIXTURES, 'good-course'));
    const b = await loadCoursePackage(path.join(FIXTURES, 'good-course'));
    if (!a.ok || !b.ok) throw new Error('good-course did not load');
    expect(a.banks.map((bank) => [bank.key, bank.items.map((i) => i.key)])).toEqual([
      ['module-1-bank', ['predicts-text', 'always-right', 'author']],
    ]);
    const single = a.banks[0].items[0].definition as { options: { id: string }[] };
    expect(single.options.map((o) => o.id)).toEqual(
      (b.banks[0].items[0].definition as { options: { id: string }[] }).options.map((o) => o.id),
    );
    expect(single.options.every((o) => /^[A-Za-z0-9_-]{10}$/.test(o.id))).toBe(true);
  });
});

describe('loadCoursePackage: hash', () => {
  /** Every mapping's keys in reverse order. */
  function reverseKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(reverseKeys);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([k, v]) => [k, reverseKeys(v)]),
      );
    }
    return value;
  }

  it('is the same for the same content, whatever the key order, quoting or line ends', async () => {
    const original = await loadOk(path.join(FIXTURES, 'good-course'));
    const dir = await copyFixture('good-course');
    const yamlFile = path.join(dir, 'course.yaml');
    const reordered = stringify(reverseKeys(parse(await fs.readFile(yamlFile, 'utf8'))), {
      indent: 4,
      defaultStringType: 'QUOTE_DOUBLE',
    });
    await fs.writeFile(yamlFile, `# Reformatted\n${reordered}`);
    const lesson = path.join(dir, 'lessons/writing-prompts.kk.md');
    const body = await fs.readFile(lesson, 'utf8');
    await fs.writeFile(lesson, `${body.replace(/\n/g, '\r\n')}\r\n\r\n  `);

    const variant = await loadOk(dir);
    expect(variant.document).toEqual(original.document);
    expect(variant.hash).toBe(original.hash);
  });

  it('changes when a lesson text changes', async () => {
    const original = await loadOk(path.join(FIXTURES, 'good-course'));
    const dir = await copyFixture('good-course');
    await fs.appendFile(path.join(dir, 'lessons/student-data.ru.md'), '\nНовый абзац.\n');
    const variant = await loadOk(dir);
    expect(variant.document.modules[1].lessons[0].body.ru).toMatch(/Новый абзац\.$/);
    expect(variant.hash).not.toBe(original.hash);
  });

  it('changes when a title in course.yaml changes', async () => {
    const original = await loadOk(path.join(FIXTURES, 'good-course'));
    const dir = await copyFixture('good-course');
    const yamlFile = path.join(dir, 'course.yaml');
    const text = await fs.readFile(yamlFile, 'utf8');
    await fs.writeFile(yamlFile, text.replace('Сұраныс жазу', 'Сұраныстар жазу'));
    expect((await loadOk(dir)).hash).not.toBe(original.hash);
  });
});

describe('loadCoursePackage: competency codes come from the frameworks', () => {
  it('rejects a well-formed code no framework has, at its file and line', async () => {
    const dir = await copyFixture('good-course');
    const yamlFile = path.join(dir, 'course.yaml');
    const text = await fs.readFile(yamlFile, 'utf8');
    // ISTE 2.1 has indicators a–c only.
    await fs.writeFile(yamlFile, text.replace('iste-ed:2.1.a', 'iste-ed:2.1.d'));
    const result = await loadBroken(dir);
    expect(where(result.problems)).toEqual(['good-course/course.yaml:14 schema.competency-code']);
    expect(formatProblem(result.problems[0], 'en')).toContain('good-course/course.yaml:14');
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: [{ y: 1, x: 2 }, 'z'], a: { d: null, c: 'é' } })).toBe(
      '{"a":{"c":"é","d":null},"b":[{"x":2,"y":1},"z"]}',
    );
  });
});

describe('loadCoursePackage: broken-course', () => {
  it('reports every problem at its file and line', async () => {
    const result = await loadBroken(path.join(FIXTURES, 'broken-course'));
    const y = 'broken-course/course.yaml';
    const l = 'broken-course/lessons';
    expect(result.slug).toBe('broken-kurs');
    expect(where(result.problems)).toEqual(
      [
        `${y}:2 package.slug-mismatch`,
        `${y}:3 schema.enum`,
        `${y}:6 schema.minimum`,
        `${y}:7 package.missing-translation`,
        `${y}:9 schema.competency-code`,
        `${y}:9 schema.uniqueItems`,
        `${y}:11 schema.key-format`,
        `${y}:14 schema.required`,
        `${y}:16 schema.additionalProperties`,
        `${y}:17 package.duplicate-lesson-key`,
        `${y}:22 schema.url`,
        `${y}:26 package.missing-body`,
        `${y}:27 package.missing-translation`,
        `${y}:28 schema.maximum`,
        `${y}:32 package.unknown-module`,
        `${y}:35 package.duplicate-assessment-key`,
        `${y}:36 schema.enum`,
        `${y}:38 schema.maximum`,
        `${y}:39 schema.additionalProperties`,
        `${l}/intro.ru.md:1 markdown.empty`,
        `${l}/markdown-issues.kk.md:5 markdown.html`,
        `${l}/markdown-issues.kk.md:7 markdown.unsafe-link`,
        `${l}/markdown-issues.kk.md:9 markdown.image-not-https`,
        `${l}/markdown-issues.kk.md:12 markdown.unsafe-link`,
        `${l}/markdown-issues.kk.md:16 markdown.unsafe-link`,
        `${l}/old-lesson.kk.md:1 package.unlisted-file`,
      ].sort(),
    );
  });

  it('lists problems by file and line', async () => {
    const { problems } = await loadBroken(path.join(FIXTURES, 'broken-course'));
    const keys = problems.map((p) => [p.file, p.line] as const);
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
    expect(keys).toEqual(sorted);
  });

  it('gives each problem the params its message needs', async () => {
    const { problems } = await loadBroken(path.join(FIXTURES, 'broken-course'));
    const find = (rule: string, line: number) =>
      problems.find((p) => p.rule === rule && p.line === line)?.params;
    expect(find('package.slug-mismatch', 2)).toEqual({
      slug: 'broken-kurs',
      folder: 'broken-course',
    });
    expect(find('schema.enum', 3)).toEqual({ value: 'expert', allowed: 'acquire, deepen, create' });
    expect(find('schema.required', 14)).toEqual({ property: 'minutes' });
    expect(find('schema.additionalProperties', 16)).toEqual({ property: 'minuts' });
    expect(find('schema.uniqueItems', 9)).toEqual({ value: 'unesco-cft:1.1' });
    expect(find('package.missing-body', 26)).toEqual({
      file: 'lessons/markdown-issues.ru.md',
      lang: 'ru',
    });
    expect(find('package.missing-translation', 7)).toEqual({ lang: 'ru' });
    expect(find('package.unknown-module', 32)).toEqual({ module: 'third' });
    expect(find('markdown.unsafe-link', 7)).toEqual({ url: 'javascript:alert(1)' });
  });

  it('formats every problem in every language with all placeholders filled', async () => {
    const { problems } = await loadBroken(path.join(FIXTURES, 'broken-course'));
    for (const p of problems) {
      for (const lang of LANGS) {
        const text = formatProblem(p, lang);
        expect(text.startsWith(`${p.file}:${p.line}: `)).toBe(true);
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text).not.toContain(p.rule);
      }
    }
    expect(formatProblem(problems[0], 'kk')).toBe(
      'broken-course/course.yaml:2: slug «broken-kurs» қалта атауымен («broken-course») бірдей болуы керек',
    );
  });
});

describe('loadCoursePackage: other failures', () => {
  it('reports every YAML syntax error and nothing else', async () => {
    const dir = path.join(tmp, 'bad-yaml');
    await fs.mkdir(dir);
    await fs.writeFile(
      path.join(dir, 'course.yaml'),
      [
        'slug: bad-yaml', // 1
        'level: acquire', // 2
        'level: deepen', // 3: duplicate key
        'kind: mooc', // 4
        'hours: 12', // 5
        'languages: [kk, ru', // 6: unclosed flow sequence
        'title:', // 7
        '  kk: Қате', // 8
      ].join('\n'),
    );
    const result = await loadBroken(dir);
    expect(result.slug).toBeNull();
    expect(result.problems.length).toBeGreaterThanOrEqual(2);
    expect(result.problems[0]).toEqual({
      file: 'bad-yaml/course.yaml',
      line: 3,
      rule: 'yaml.duplicate-key',
      params: {},
    });
    expect(result.problems.slice(1).every((p) => p.rule === 'yaml.syntax')).toBe(true);
    expect(result.problems[1].line).toBeGreaterThanOrEqual(6);
  });

  it('reports a folder without course.yaml', async () => {
    const result = await loadBroken(path.join(FIXTURES, 'no-course-yaml'));
    expect(result).toEqual({
      ok: false,
      slug: null,
      dir: path.join(FIXTURES, 'no-course-yaml'),
      problems: [
        { file: 'no-course-yaml/course.yaml', line: 1, rule: 'package.no-course-yaml', params: {} },
      ],
    });
  });

  it('points a missing field at its mapping and a type error at its key', async () => {
    const dir = await copyFixture('good-course');
    const yamlFile = path.join(dir, 'course.yaml');
    const lines = (await fs.readFile(yamlFile, 'utf8')).split('\n');
    const at = (prefix: string) => lines.findIndex((s) => s.startsWith(prefix));
    lines[at('hours:')] = 'hours: twelve';
    lines.splice(at('kind:'), 1);
    await fs.writeFile(yamlFile, lines.join('\n'));
    const result = await loadBroken(dir);
    expect(result.problems).toEqual([
      // The root mapping starts at line 2, under the comment.
      {
        file: 'good-course/course.yaml',
        line: 2,
        rule: 'schema.required',
        params: { property: 'kind' },
      },
      {
        file: 'good-course/course.yaml',
        line: 5,
        rule: 'schema.type',
        params: { type: 'integer' },
      },
    ]);
  });
});

describe('findCoursePackages', () => {
  it('lists the subfolders that hold a course.yaml, sorted by name', async () => {
    expect(await findCoursePackages(FIXTURES)).toEqual([
      path.join(FIXTURES, 'bank-problems'),
      path.join(FIXTURES, 'broken-course'),
      path.join(FIXTURES, 'good-course'),
    ]);
  });

  it('takes a single package as it is', async () => {
    expect(await findCoursePackages(path.join(FIXTURES, 'good-course'))).toEqual([
      path.join(FIXTURES, 'good-course'),
    ]);
  });

  it('rejects a path that does not exist or is not a folder', async () => {
    await expect(findCoursePackages(path.join(tmp, 'nowhere'))).rejects.toThrow(
      /No course package or folder of packages at .*nowhere/,
    );
    await expect(
      findCoursePackages(path.join(FIXTURES, 'good-course', 'course.yaml')),
    ).rejects.toThrow(/is not a folder/);
  });
});

describe('PACKAGE_PROBLEM_MESSAGES', () => {
  const entries = Object.entries(PACKAGE_PROBLEM_MESSAGES) as [
    PackageProblemRule,
    Record<(typeof LANGS)[number], string>,
  ][];
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it.each(entries)('%s uses the same placeholders in every language', (_rule, messages) => {
    expect(placeholders(messages.ru)).toEqual(placeholders(messages.en));
    expect(placeholders(messages.kk)).toEqual(placeholders(messages.en));
  });

  it.each(entries)('%s is written in Cyrillic for kk and ru', (_rule, messages) => {
    expect(messages.kk).toMatch(/[\u0400-\u04FF]/);
    expect(messages.ru).toMatch(/[\u0400-\u04FF]/);
    // Kazakh-only letters would mean a Kazakh text pasted into the Russian column.
    expect(messages.ru).not.toMatch(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
  });

  it('names JSON types in the reader language', () => {
    const p = {
      file: 'c/course.yaml',
      line: 4,
      rule: 'schema.type',
      params: { type: 'integer,null' },
    };
    expect(formatProblem(p, 'kk')).toBe(
      'c/course.yaml:4: Мұнда бүтін сан немесе бос мән болуы керек',
    );
    expect(formatProblem(p, 'ru')).toBe(
      'c/course.yaml:4: Здесь ожидается целое число или пустое значение',
    );
    expect(formatProblem(p, 'en')).toBe('c/course.yaml:4: Expected a whole number or nothing here');
  });
});

describe('loadCoursePackage: bank-problems', () => {
  it('reports every broken item and every unfillable section at its file and line', async () => {
    const result = await loadCoursePackage(path.join(FIXTURES, 'bank-problems'));
    if (result.ok) throw new Error('bank-problems loaded');
    expect(result.problems.map((p) => formatProblem(p, 'en'))).toEqual([
      'bank-problems/banks/broken.yaml:8: Exactly one option must be marked correct (now: 2)',
      'bank-problems/banks/broken.yaml:13: The required field "competencies" is missing',
      'bank-problems/banks/broken.yaml:22: The text is missing in ru',
      'bank-problems/banks/small.yaml:9: The item key "fine" is repeated in this bank',
      'bank-problems/course.yaml:20: The bank "small" has 1 matching items; the draw needs 5',
      'bank-problems/course.yaml:22: The item "small/no-such-item" was not found (or is archived, or listed twice)',
    ]);
    expect(formatProblem(result.problems[4], 'kk')).toBe(
      'bank-problems/course.yaml:20: «small» банкінде шартқа сай 1 сұрақ бар, ал 5 сұрақ алу керек',
    );
  });
});
