import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiClient, ApiError } from '../core/api-client';
import { FakeApi, sampleCourse, version } from './authoring-testing';
import { ReviewQueuePage } from './review-page';

function setup() {
  localStorage.clear();
  const api = new FakeApi(
    sampleCourse({ id: 'a', slug: 'in-draft', draft: version() }),
    sampleCourse({
      id: 'b',
      slug: 'in-review',
      draft: version({
        number: 2,
        status: 'in_review',
        submittedAt: '2026-11-03T08:00:00Z',
        reviewComment: 'Алдыңғы ескерту',
      }),
    }),
    sampleCourse({ id: 'c', slug: 'approved', draft: version({ status: 'approved' }) }),
    sampleCourse({ id: 'd', slug: 'published-only', draft: null, publishedVersion: 3 }),
  );
  TestBed.configureTestingModule({
    providers: [provideRouter([]), { provide: ApiClient, useValue: api }],
  });
  return api;
}

async function mount() {
  const fixture = TestBed.createComponent(ReviewQueuePage);
  const el = fixture.nativeElement as HTMLElement;
  const settle = () => fixture.whenStable();
  await vi.waitFor(async () => {
    await settle();
    expect(el.querySelector('tbody tr[data-slug]')).not.toBeNull();
  });
  const rows = () =>
    [...el.querySelectorAll('tbody tr[data-slug]')].map((r) => r.getAttribute('data-slug'));
  const open = async (slug: string) => {
    el.querySelector<HTMLButtonElement>(`tr[data-slug="${slug}"] button`)!.click();
    await vi.waitFor(async () => {
      await settle();
      expect(el.querySelector(`section.review[data-slug="${slug}"]`)).not.toBeNull();
    });
  };
  const click = async (sel: string) => {
    el.querySelector<HTMLButtonElement>(sel)!.click();
    await settle();
  };
  return { fixture, el, settle, rows, open, click };
}

const decisions = (api: FakeApi) => api.writes().map((c) => [c.method, c.url, c.body]);

describe('ReviewQueuePage', () => {
  it('lists only drafts in review or approved', async () => {
    setup();
    const { el, rows } = await mount();
    expect(rows()).toEqual(['in-review', 'approved']);
    expect(el.querySelector('tr[data-slug="in-review"] .status')?.textContent).toBe('Сараптамада');
    expect(el.querySelector('tr[data-slug="approved"] .status')?.textContent).toBe(
      'Мақұлданды, жариялауды күтуде',
    );
  });

  it('opens a draft read-only with its lessons rendered, and approves it', async () => {
    const api = setup();
    const { el, open, click, settle, rows } = await mount();
    await open('in-review');
    const review = el.querySelector('section.review')!;
    expect(review.querySelector('h2')?.textContent).toBe('ЖИ негіздері');
    expect(review.querySelectorAll('input, textarea:not([name=review-comment])')).toHaveLength(0);
    expect(review.querySelector('.previous')?.textContent).toContain('Алдыңғы ескерту');
    const lesson = review.querySelector<HTMLDetailsElement>('[data-lesson=welcome] details')!;
    lesson.open = true;
    lesson.dispatchEvent(new Event('toggle'));
    await vi.waitFor(async () => {
      await settle();
      expect(lesson.querySelector('.q-lesson-body h1')?.textContent).toBe('Сәлем');
    });
    // Read in Russian: the same lesson, rendered from its Russian text.
    await click('section.review .langs button[data-lang=ru]');
    await vi.waitFor(async () => {
      await settle();
      expect(lesson.querySelector('.q-lesson-body h1')?.textContent).toBe('Привет');
    });

    await click('button[name=approve]');
    await vi.waitFor(async () => {
      await settle();
      expect(el.querySelector('[role=status]')?.textContent).toContain('Жоба мақұлданды');
    });
    expect(decisions(api)).toEqual([
      ['POST', '/api/authoring/courses/in-review/draft/review', { decision: 'approve' }],
    ]);
    // Approved, it stays in the queue (to be published), and the publish button is offered.
    expect(rows()).toEqual(['in-review', 'approved']);
    expect(el.querySelector('button[name=publish]')).not.toBeNull();
    // The lesson unfolded before the decision is still drawn, in the language chosen.
    await vi.waitFor(async () => {
      await settle();
      expect(el.querySelector('[data-lesson=welcome] .q-lesson-body h1')?.textContent).toBe(
        'Привет',
      );
    });
  });

  it('returns a draft only with a comment', async () => {
    const api = setup();
    const { el, open, click, settle, rows } = await mount();
    await open('in-review');
    await click('button[name=return]');
    expect(el.querySelector('.decide [role=alert]')?.textContent).toContain(
      'не түзету керегін жазыңыз',
    );
    expect(api.writes()).toEqual([]);

    const comment = el.querySelector<HTMLTextAreaElement>('textarea[name=review-comment]')!;
    comment.value = '  2-сабаққа дереккөз қосыңыз.  ';
    comment.dispatchEvent(new Event('input'));
    await settle();
    expect(el.querySelector('.decide [role=alert]')).toBeNull();
    await click('button[name=return]');
    await vi.waitFor(async () => {
      await settle();
      expect(rows()).toEqual(['approved']);
    });
    expect(decisions(api)).toEqual([
      [
        'POST',
        '/api/authoring/courses/in-review/draft/review',
        { decision: 'return', comment: '2-сабаққа дереккөз қосыңыз.' },
      ],
    ]);
    expect(el.querySelector('section.review')).toBeNull();
    expect(el.querySelector('[role=status]')?.textContent).toContain('авторға қайтарылды');
  });

  it("shows the API's refusal in the reader's language (reviewing one's own draft)", async () => {
    const api = setup();
    api.fail(
      'POST',
      '/draft/review',
      new ApiError(403, 'SELF_REVIEW', 'Өзіңіз жіберген жобаны сараптай алмайсыз.'),
    );
    const { el, open, click, settle } = await mount();
    await open('in-review');
    await click('button[name=approve]');
    await vi.waitFor(async () => {
      await settle();
      expect(el.querySelector('p[role=alert]')?.textContent).toBe(
        'Өзіңіз жіберген жобаны сараптай алмайсыз.',
      );
    });
    expect(el.querySelector('section.review')).not.toBeNull();
  });

  it('publishes an approved draft, which then leaves the queue', async () => {
    const api = setup();
    const { el, open, click, settle, rows } = await mount();
    await open('approved');
    expect(el.querySelector('button[name=approve]')).toBeNull();
    await click('button[name=publish]');
    await vi.waitFor(async () => {
      await settle();
      expect(rows()).toEqual(['in-review']);
    });
    expect(decisions(api)).toEqual([['POST', '/api/authoring/courses/approved/draft/publish', {}]]);
    expect(el.querySelector('[role=status]')?.textContent).toContain('Курс жарияланды.');
  });
});
