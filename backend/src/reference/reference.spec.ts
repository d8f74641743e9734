import { REGIONS, REGION_CODES, isRegionCode } from './regions';
import { SUBJECTS, SUBJECT_CODES, isSubjectCode } from './subjects';

const LANGS = ['kk', 'ru', 'en'] as const;
const KEBAB = /^[a-z]+(-[a-z]+)*$/;
const KAZAKH_LETTERS = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
// Cyrillic letters plus the punctuation the names use; catches Latin look-alikes (a, o, c, e…).
const CYRILLIC_TEXT = /^[\u0400-\u04FF .,()«»-]+$/;
const ASCII_TEXT = /^[A-Za-z .,()-]+$/;

const tables = [
  ['REGIONS', REGIONS],
  ['SUBJECTS', SUBJECTS],
] as const;

describe.each(tables)('%s', (_label, table) => {
  const items: readonly { code: string; name: Record<(typeof LANGS)[number], string> }[] = table;

  it('has unique kebab-case ASCII codes', () => {
    const codes = items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(KEBAB);
  });

  it('has a non-empty, trimmed name in every language', () => {
    for (const item of items) {
      expect(Object.keys(item.name).sort()).toEqual([...LANGS].sort());
      for (const lang of LANGS) {
        const name = item.name[lang];
        expect(typeof name).toBe('string');
        expect(name.trim()).toBe(name);
        expect(name.length).toBeGreaterThan(0);
      }
    }
  });

  it('writes kk and ru names in Cyrillic and en names in ASCII', () => {
    for (const item of items) {
      expect(item.name.kk).toMatch(CYRILLIC_TEXT);
      expect(item.name.ru).toMatch(CYRILLIC_TEXT);
      expect(item.name.en).toMatch(ASCII_TEXT);
    }
  });

  it('has unique names within each language', () => {
    for (const lang of LANGS) {
      const names = items.map((i) => i.name[lang]);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe('regions', () => {
  it('has exactly 17 regions and 3 cities of republican significance', () => {
    expect(REGIONS.filter((r) => r.kind === 'region')).toHaveLength(17);
    expect(
      REGIONS.filter((r) => r.kind === 'city')
        .map((r) => r.code)
        .sort(),
    ).toEqual(['almaty', 'astana', 'shymkent']);
    expect(REGIONS).toHaveLength(20);
  });

  it('has the expected codes', () => {
    expect([...REGION_CODES].sort()).toEqual(
      [
        'abai',
        'akmola',
        'aktobe',
        'almaty-region',
        'atyrau',
        'east-kazakhstan',
        'zhambyl',
        'zhetisu',
        'west-kazakhstan',
        'karaganda',
        'kostanay',
        'kyzylorda',
        'mangystau',
        'pavlodar',
        'north-kazakhstan',
        'turkistan',
        'ulytau',
        'astana',
        'almaty',
        'shymkent',
      ].sort(),
    );
  });

  it('keeps REGION_CODES in the same order as REGIONS', () => {
    expect(REGION_CODES).toEqual(REGIONS.map((r) => r.code));
  });

  it('uses Kazakh-specific letters in Kazakh names', () => {
    expect(REGIONS.some((r) => KAZAKH_LETTERS.test(r.name.kk))).toBe(true);
    const kk = (code: string) => REGIONS.find((r) => r.code === code)?.name.kk;
    expect(kk('karaganda')).toContain('Қарағанды');
    expect(kk('akmola')).toContain('Ақмола');
    expect(kk('aktobe')).toContain('Ақтөбе');
    expect(kk('east-kazakhstan')).toContain('Шығыс Қазақстан');
    expect(kk('north-kazakhstan')).toContain('Солтүстік Қазақстан');
    expect(kk('mangystau')).toContain('Маңғыстау');
    expect(kk('turkistan')).toContain('Түркістан');
    expect(kk('ulytau')).toContain('Ұлытау');
    expect(kk('zhetisu')).toContain('Жетісу');
  });

  it('labels regions and cities in each language', () => {
    for (const r of REGIONS) {
      if (r.kind === 'region') {
        expect(r.name.kk).toMatch(/ облысы$/);
        expect(r.name.ru).toMatch(/(^| )область( |$)/);
        expect(r.name.en).toMatch(/ Region$/);
      } else {
        expect(r.name.kk).toMatch(/ қаласы$/);
        expect(r.name.ru).toMatch(/^г\. /);
        expect(r.name.en).toMatch(/ city$/);
      }
    }
  });

  it('isRegionCode accepts every known code', () => {
    for (const code of REGION_CODES) expect(isRegionCode(code)).toBe(true);
  });

  it.each([
    ['unknown code', 'nur-sultan'],
    ['wrong case', 'Astana'],
    ['padded', ' astana'],
    ['empty', ''],
    ['inherited key', 'toString'],
    ['proto key', '__proto__'],
    ['number', 1],
    ['null', null],
    ['undefined', undefined],
    ['object', { code: 'astana' }],
    ['array', ['astana']],
  ])('isRegionCode rejects %s', (_label, value) => {
    expect(isRegionCode(value)).toBe(false);
  });
});

describe('subjects', () => {
  it('includes the codes other modules rely on', () => {
    for (const code of ['informatics', 'primary', 'mathematics', 'history', 'other']) {
      expect(SUBJECT_CODES).toContain(code);
    }
  });

  it('has the expected codes', () => {
    expect([...SUBJECT_CODES].sort()).toEqual(
      [
        'primary',
        'mathematics',
        'informatics',
        'physics',
        'chemistry',
        'biology',
        'natural-science',
        'geography',
        'history',
        'social-studies',
        'kazakh-language-literature',
        'russian-language-literature',
        'foreign-language',
        'self-knowledge',
        'art',
        'music',
        'physical-education',
        'technology',
        'basic-military-training',
        'preschool',
        'special-education',
        'other',
      ].sort(),
    );
  });

  it('keeps SUBJECT_CODES in the same order as SUBJECTS', () => {
    expect(SUBJECT_CODES).toEqual(SUBJECTS.map((s) => s.code));
  });

  it('uses Kazakh-specific letters in Kazakh names', () => {
    expect(SUBJECTS.some((s) => KAZAKH_LETTERS.test(s.name.kk))).toBe(true);
    const kk = (code: string) => SUBJECTS.find((s) => s.code === code)?.name.kk;
    expect(kk('self-knowledge')).toBe('Өзін-өзі тану');
    expect(kk('kazakh-language-literature')).toContain('Қазақ');
  });

  it('isSubjectCode accepts every known code', () => {
    for (const code of SUBJECT_CODES) expect(isSubjectCode(code)).toBe(true);
  });

  it.each([
    ['unknown code', 'english'],
    ['wrong case', 'Informatics'],
    ['empty', ''],
    ['inherited key', 'hasOwnProperty'],
    ['number', 0],
    ['null', null],
    ['undefined', undefined],
    ['boolean', true],
  ])('isSubjectCode rejects %s', (_label, value) => {
    expect(isSubjectCode(value)).toBe(false);
  });
});
