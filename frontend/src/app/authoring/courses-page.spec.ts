import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { CourseDocument } from '@qadam/contracts';
import { ApiClient, ApiError } from '../core/api-client';
import { FakeApi, sampleCourse, version } from './authoring-testing';
import { AuthoringCoursesPage } from './courses-page';

@Component({ template: '' })
class Blank {}

async function mount(api: FakeApi) {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'staff/authoring/:slug', component: Blank }]),
      { provide: ApiClient, useValue: api },
    ],
  });
  const fixture = TestBed.createComponent(AuthoringCoursesPage);
  const el = fixture.nativeElement as HTMLElement;
  const settle = () => fixture.whenStable();
  await vi.waitFor(async () => {
    await settle();
    expect(el.querySelector('tbody tr')).not.toBeNull();
  });
  const type = async (name: string, value: string) => {
    const input = el.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };
  return { fixture, el, settle, type };
}

describe('AuthoringCoursesPage', () => {
  it("lists courses with their draft's status", async () => {
    const api = new FakeApi(
      sampleCourse({ id: 'a', slug: 'first', publishedVersion: 2, draft: null }),
      sampleCourse({
        id: 'b',
        slug: 'second',
        draft: version({ number: 3, reviewedAt: '2026-11-01T00:00:00Z', reviewComment: 'Түзету' }),
      }),
    );
    const { el } = await mount(api);
    const row = (slug: string) => el.querySelector(`tr[data-slug="${slug}"]`)!.textContent!;
    expect(row('first')).toContain('2-нұсқа');
    expect(row('first')).toContain('Ашық жоба жоқ');
    expect(row('second')).toContain('Түзетуге қайтарылды');
    expect(el.querySelector('tr[data-slug="second"] a')?.getAttribute('href')).toBe(
      '/staff/authoring/second',
    );
  });

  it('creates a course with a document the API accepts, then opens its editor', async () => {
    const api = new FakeApi(sampleCourse());
    const { el, type, settle } = await mount(api);
    const router = TestBed.inject(Router);
    await type('slug', 'prompt-basics');
    el.querySelector<HTMLInputElement>('input[name=languages][value=ru]')!.click();
    await settle();
    await type('title-kk', '  Промпт негіздері ');
    await type('title-ru', 'Основы промптов');
    el.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await vi.waitFor(() => expect(router.url).toBe('/staff/authoring/prompt-basics'));
    const [post] = api.writes();
    expect(post.url).toBe('/api/authoring/courses');
    const { slug, document } = post.body as { slug: string; document: CourseDocument };
    expect(slug).toBe('prompt-basics');
    // Russian unticked: a Kazakh-only course, its Russian title kept as an optional extra.
    expect(document).toEqual({
      level: 'acquire',
      kind: 'mooc',
      languages: ['kk'],
      hours: 12,
      title: { kk: 'Промпт негіздері', ru: 'Основы промптов' },
      description: {},
      audience: {},
      competencies: [],
      modules: [
        {
          key: 'module-1',
          title: { kk: '1-модуль' },
          lessons: [
            {
              key: 'lesson-1',
              title: { kk: '1-сабақ' },
              minutes: 10,
              required: true,
              competencies: [],
              sources: [],
              body: { kk: '# 1-сабақ\n\nСабақ мәтінін осында жазыңыз.\n' },
            },
          ],
        },
      ],
      assessments: [],
    });
  });

  it('shows a taken slug beside the slug field', async () => {
    const api = new FakeApi(sampleCourse());
    api.fail(
      'POST',
      '/api/authoring/courses',
      new ApiError(409, 'SLUG_TAKEN', 'Бұл атау бос емес.'),
    );
    const { el, type, settle } = await mount(api);
    await type('slug', 'ai-basics');
    el.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await vi.waitFor(async () => {
      await settle();
      expect(el.querySelector('input[name=slug]')!.parentElement!.textContent).toContain(
        'Бұл атау бос емес.',
      );
    });
    expect(el.querySelector('form [role=alert]')?.textContent).toContain('Бұл атау бос емес.');
  });
});
