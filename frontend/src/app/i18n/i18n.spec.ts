import { TestBed } from '@angular/core/testing';
import { I18n } from './i18n';

describe('I18n', () => {
  beforeEach(() => localStorage.clear());

  it('speaks Kazakh by default and says so to the page', () => {
    const i18n = TestBed.inject(I18n);
    TestBed.tick();
    expect(i18n.lang()).toBe('kk');
    expect(document.documentElement.lang).toBe('kk');
    expect(i18n.t('nav.catalog')).toBe('Курстар каталогы');
  });

  it('switches language and remembers it on this device', () => {
    const i18n = TestBed.inject(I18n);
    i18n.lang.set('ru');
    TestBed.tick();
    expect(i18n.t('nav.catalog')).toBe('Каталог курсов');
    expect(localStorage.getItem('qadam.lang')).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
    TestBed.resetTestingModule();
    expect(TestBed.inject(I18n).lang()).toBe('ru');
  });

  it('fills placeholders with numbers formatted for the language', () => {
    const i18n = TestBed.inject(I18n);
    i18n.lang.set('en');
    expect(i18n.t('catalog.found', { count: 1200 })).toBe('Courses found: 1,200');
    i18n.lang.set('ru');
    expect(i18n.t('catalog.found', { count: 1200 }).replace(/\s/g, ' ')).toBe(
      'Найдено курсов: 1 200',
    );
  });

  it('ignores a stored value that is not a language', () => {
    localStorage.setItem('qadam.lang', 'de');
    expect(TestBed.inject(I18n).lang()).toBe('kk');
  });
});
