import { fallbackOrder, pickText, servedLang } from './text';

describe('translatable text', () => {
  it('falls back requested → kk → ru → en', () => {
    expect(fallbackOrder('en')).toEqual(['en', 'kk', 'ru']);
    expect(fallbackOrder('ru')).toEqual(['ru', 'kk', 'en']);
    expect(pickText({ kk: 'Сабақ', ru: 'Урок' }, 'en')).toBe('Сабақ');
    expect(pickText({ ru: 'Урок', en: 'Lesson' }, 'kk')).toBe('Урок');
    expect(pickText({ en: 'Lesson' }, 'ru')).toBe('Lesson');
    expect(pickText({ kk: '  ', ru: 'Урок' }, 'kk')).toBe('Урок');
    expect(pickText({}, 'kk')).toBe('');
  });

  it('serves a course in the reader language when offered', () => {
    expect(servedLang(['kk', 'ru'], 'ru')).toBe('ru');
    expect(servedLang(['kk', 'ru'], 'en')).toBe('kk');
    expect(servedLang(['ru'], 'kk')).toBe('ru');
  });
});
