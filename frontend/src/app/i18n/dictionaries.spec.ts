import { ALL_DICTIONARIES } from './all-dictionaries';
import { dictionary } from './dictionary';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The problems of one dictionary: keys missing or extra in ru/en, empty texts, placeholders. */
function problems(d: (typeof ALL_DICTIONARIES)[number]): string[] {
  const out: string[] = [];
  const kk = d.texts.kk as Record<string, string>;
  const keys = Object.keys(kk).sort();
  for (const lang of ['ru', 'en'] as const) {
    const table = d.texts[lang] as Record<string, string>;
    for (const k of keys) if (!(k in table)) out.push(`${d.name}: ${lang} lacks ${k}`);
    for (const k of Object.keys(table)) if (!(k in kk)) out.push(`${d.name}: ${lang} adds ${k}`);
  }
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const table = d.texts[lang] as Record<string, string>;
    for (const k of keys) {
      const text = table[k] ?? '';
      if (!text.trim()) out.push(`${d.name}: ${lang} ${k} is empty`);
      else if (placeholders(text).join() !== placeholders(kk[k]).join())
        out.push(`${d.name}: ${lang} ${k} placeholders differ from kk`);
    }
  }
  return out;
}

describe('feature dictionaries', () => {
  it.each(ALL_DICTIONARIES.map((d) => [d.name, d] as const))(
    '%s: every key in kk, ru and en, placeholders as in kk',
    (_name, d) => {
      expect(problems(d)).toEqual([]);
      expect(Object.values(d.texts.kk).join(' ')).toMatch(/[әғқңөұүһі]/);
    },
  );

  it('names a key missing in a language and a placeholder lost in translation', () => {
    const broken = dictionary(
      'broken',
      { a: 'Сәлем, {name}', b: 'Бір' },
      { a: 'Привет', b: 'Один' },
      { b: 'One' } as unknown as { a: string; b: string },
    );
    expect(problems(broken)).toEqual([
      'broken: en lacks a',
      'broken: ru a placeholders differ from kk',
      'broken: en a is empty',
    ]);
  });
});
