import { fill, resolveLang } from './lang';

describe('resolveLang', () => {
  it.each([
    [undefined, 'kk'],
    ['', 'kk'],
    ['ru', 'ru'],
    ['ru-KZ,ru;q=0.9', 'ru'],
    ['en-US,en;q=0.9', 'en'],
    ['kk-KZ', 'kk'],
    ['de-DE,en;q=0.5,ru;q=0.8', 'ru'],
    ['fr', 'kk'],
    ['*', 'kk'],
  ])('%p -> %s', (header, lang) => {
    expect(resolveLang(header)).toBe(lang);
  });
});

describe('fill', () => {
  it('replaces known placeholders and keeps unknown ones', () => {
    expect(fill('{n} мин, {x}', { n: 5 })).toBe('5 мин, {x}');
  });
});
