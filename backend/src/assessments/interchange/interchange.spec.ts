import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGift } from './gift';
import {
  formatInterchangeProblem,
  INTERCHANGE_MESSAGES,
  normalizeCategoryPath,
  type ImportOptions,
  type InterchangeProblem,
} from './interchange';
import { parseMoodleXml } from './moodle-xml';

const LANGS = ['kk', 'ru', 'en'] as const;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('INTERCHANGE_MESSAGES', () => {
  it('has kk, ru and en for every rule, with the same placeholders', () => {
    for (const [rule, messages] of Object.entries(INTERCHANGE_MESSAGES)) {
      expect(Object.keys(messages).sort()).toEqual(['en', 'kk', 'ru']);
      for (const lang of LANGS) expect(messages[lang].trim()).not.toBe('');
      const expected = placeholders(messages.en);
      for (const lang of LANGS)
        expect([rule, placeholders(messages[lang])]).toEqual([rule, expected]);
    }
  });

  it('writes Kazakh with Kazakh letters, not Russian', () => {
    for (const [rule, messages] of Object.entries(INTERCHANGE_MESSAGES)) {
      expect([rule, /[әғқңөұүһі]/i.test(messages.kk)]).toEqual([rule, true]);
      expect([rule, (messages.kk as string) === messages.ru]).toEqual([rule, false]);
    }
  });

  it('covers every rule the code emits', () => {
    const sources = readdirSync(__dirname)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .map((f) => readFileSync(join(__dirname, f), 'utf8'))
      .join('\n');
    const emitted = new Set(
      [...sources.matchAll(/'((?:interchange|moodle|gift|item)\.[a-z-]+)'/g)].map((m) => m[1]),
    );
    expect(emitted.size).toBeGreaterThan(20);
    for (const rule of emitted) expect([rule, rule in INTERCHANGE_MESSAGES]).toEqual([rule, true]);
  });
});

describe('formatInterchangeProblem', () => {
  const p: InterchangeProblem = {
    index: 3,
    name: 'Pi',
    line: 12,
    rule: 'item.bad-number',
    params: { value: 'three' },
  };

  it('says where and what in each language', () => {
    expect(formatInterchangeProblem(p, 'en')).toBe(
      'Question 3 "Pi" (line 12): "three" is not a valid number',
    );
    expect(formatInterchangeProblem(p, 'ru')).toBe(
      'Вопрос 3 «Pi» (строка 12): «three» не является допустимым числом',
    );
    expect(formatInterchangeProblem(p, 'kk')).toBe('3-сұрақ «Pi» (12-жол): «three» дұрыс сан емес');
  });

  it('names the file for file-level problems and shows unknown rules by key', () => {
    expect(formatInterchangeProblem({ index: 0, name: '', rule: 'moodle.not-quiz' }, 'en')).toBe(
      'File: This is not a Moodle XML file: the root element must be <quiz>',
    );
    expect(formatInterchangeProblem({ index: 0, name: '', line: 4, rule: 'x.y' }, 'kk')).toBe(
      'Файл (4-жол): x.y',
    );
  });

  it('fills every placeholder of the problems the fixtures produce', () => {
    const opts: ImportOptions = {
      lang: 'kk',
      competencies: [],
      difficulty: 'medium',
      defaultBank: 'Imported',
    };
    const dir = join(__dirname, '__fixtures__');
    const results = readdirSync(dir).map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return f.endsWith('.xml') ? parseMoodleXml(text, opts) : parseGift(text, opts);
    });
    const problems = results.flatMap((r) => [...r.problems, ...r.items.flatMap((i) => i.warnings)]);
    expect(new Set(problems.map((p) => p.rule)).size).toBeGreaterThan(20);
    for (const problem of problems) {
      for (const lang of LANGS) {
        // The name is the author's text: only the message must be filled.
        expect(formatInterchangeProblem({ ...problem, name: '' }, lang)).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

describe('normalizeCategoryPath', () => {
  it.each([
    ['$course$/top/Default for X/AI basics', 'Default for X / AI basics'],
    ['$system$/top', 'Fallback'],
    ['$module$/top/A', 'A'],
    ['top/A/B', 'A / B'],
    ['Plain name', 'Plain name'],
    ['$course$/top/Input//output/ Next ', 'Input/output / Next'],
    ['   ', 'Fallback'],
  ])('%s → %s', (path, bank) => {
    expect(normalizeCategoryPath(path, 'Fallback')).toBe(bank);
  });
});
