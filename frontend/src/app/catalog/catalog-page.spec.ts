import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CourseSummary, Page } from '@qadam/contracts';
import { ApiClient, ApiError, type CatalogQuery } from '../core/api-client';
import { I18n } from '../i18n/i18n';
import { CatalogPage } from './catalog-page';

const course = (slug: string, title: string, level: CourseSummary['level']): CourseSummary => ({
  id: slug,
  slug,
  title,
  description: `${title} — сипаттама`,
  level,
  kind: 'mooc',
  languages: ['kk', 'ru'],
  hours: 12,
  competencies: [],
  lang: 'kk',
  version: 1,
  publishedAt: '2026-11-01T00:00:00Z',
});

/** The API as the page sees it: answers chosen by the test, calls recorded. */
class FakeApi {
  calls: (CatalogQuery & { lang: string })[] = [];
  answer: () => Promise<Page<CourseSummary>> = async () => ({
    items: [course('a', 'Педагог жұмысындағы ЖИ', 'acquire'), course('d', 'Тереңдету', 'deepen')],
    total: 2,
    page: 1,
    pageSize: 50,
  });
  constructor(private readonly i18n: I18n) {}
  catalog(q: CatalogQuery) {
    this.calls.push({ ...q, lang: this.i18n.lang() });
    return this.answer();
  }
}

async function render() {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      { provide: ApiClient, useFactory: (i: I18n) => new FakeApi(i), deps: [I18n] },
    ],
  });
  const fixture = TestBed.createComponent(CatalogPage);
  const api = TestBed.inject(ApiClient) as unknown as FakeApi;
  await fixture.whenStable();
  return { fixture, api, el: fixture.nativeElement as HTMLElement };
}

describe('CatalogPage', () => {
  it('lists the courses with their level in Kazakh', async () => {
    const { el } = await render();
    const cards = el.querySelectorAll('li.q-card');
    expect(cards.length).toBe(2);
    expect(cards[0].textContent).toContain('Педагог жұмысындағы ЖИ');
    expect(cards[0].textContent).toContain('Игеру');
    expect(el.textContent).toContain('Табылған курстар: 2');
  });

  it('asks again in the new language when the teacher switches it', async () => {
    const { fixture, api, el } = await render();
    await TestBed.inject(I18n).use('ru');
    await fixture.whenStable();
    expect(api.calls.at(-1)?.lang).toBe('ru');
    expect(el.textContent).toContain('Освоение');
  });

  it('filters by level', async () => {
    const { fixture, api, el } = await render();
    const select = el.querySelector<HTMLSelectElement>('select[name=level]')!;
    select.value = 'deepen';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(api.calls.at(-1)?.level).toBe('deepen');
  });

  it("shows the API's message and a retry that works", async () => {
    const { fixture, api, el } = await render();
    api.answer = async () => {
      throw new ApiError(0, 'OFFLINE', 'Интернет байланысы жоқ.');
    };
    const kind = el.querySelector<HTMLSelectElement>('select[name=kind]')!;
    kind.value = 'mooc';
    kind.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Интернет байланысы жоқ.');
    api.answer = new FakeApi(TestBed.inject(I18n)).answer;
    el.querySelector<HTMLButtonElement>('button')!.click();
    await fixture.whenStable();
    expect(el.querySelectorAll('li.q-card').length).toBe(2);
  });
});
