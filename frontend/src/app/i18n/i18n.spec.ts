import { TestBed } from '@angular/core/testing';
import { I18n } from './i18n';

describe('I18n', () => {
  beforeEach(() => localStorage.clear());

  it('speaks Kazakh by default and says so to the page', async () => {
    const i18n = TestBed.inject(I18n);
    await i18n.use(i18n.saved());
    expect(i18n.lang()).toBe('kk');
    expect(document.documentElement.lang).toBe('kk');
    expect(i18n.t('nav.catalog')).toBe('Курстар каталогы');
  });

  it('switches language once its texts are here, and remembers it on this device', async () => {
    const i18n = TestBed.inject(I18n);
    const switching = i18n.use('ru');
    // Until the Russian texts arrive, the page stays whole in Kazakh.
    expect(i18n.t('nav.catalog')).toBe('Курстар каталогы');
    await switching;
    expect(i18n.t('nav.catalog')).toBe('Каталог курсов');
    expect(localStorage.getItem('qadam.lang')).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
    TestBed.resetTestingModule();
    expect(TestBed.inject(I18n).saved()).toBe('ru');
  });

  it('fills placeholders with numbers formatted for the language', async () => {
    const i18n = TestBed.inject(I18n);
    await i18n.use('en');
    expect(i18n.t('catalog.found', { count: 1200 })).toBe('Courses found: 1,200');
    await i18n.use('ru');
    expect(i18n.t('catalog.found', { count: 1200 }).replace(/\s/g, ' ')).toBe(
      'Найдено курсов: 1 200',
    );
  });

  it('ignores a stored value that is not a language', () => {
    localStorage.setItem('qadam.lang', 'de');
    expect(TestBed.inject(I18n).saved()).toBe('kk');
  });

  it('writes dates as each language does, Kazakh included', async () => {
    const i18n = TestBed.inject(I18n);
    await i18n.use('kk');
    expect(i18n.date('2026-11-25T10:00:00Z')).toBe('2026 жылғы 25 қараша');
    await i18n.use('ru');
    expect(i18n.date('2026-11-25T10:00:00Z')).toBe('25 ноября 2026 г.');
  });
});
