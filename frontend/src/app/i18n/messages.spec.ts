import { kk } from './messages';
import { en } from './messages.en';
import { ru } from './messages.ru';

const MESSAGES = { kk, ru, en };

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface messages', () => {
  const keys = Object.keys(MESSAGES.kk).sort();

  it.each(['ru', 'en'] as const)('%s has exactly the Kazakh keys', (lang) => {
    expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
  });

  it.each(['kk', 'ru', 'en'] as const)(
    '%s has a text for every key, placeholders as in kk',
    (lang) => {
      const table = MESSAGES[lang] as Record<string, string>;
      const kk = MESSAGES.kk as Record<string, string>;
      for (const key of keys) {
        expect([key, table[key].trim().length > 0]).toEqual([key, true]);
        expect([key, placeholders(table[key])]).toEqual([key, placeholders(kk[key])]);
      }
    },
  );

  it('writes Kazakh with Kazakh letters', () => {
    expect(Object.values(MESSAGES.kk).join(' ')).toMatch(/[әғқңөұүһі]/);
  });
});
