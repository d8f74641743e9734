import { TestBed } from '@angular/core/testing';
import type { AttemptResult, GradingTask, Page } from '@qadam/contracts';
import { ApiClient, ApiError } from '../core/api-client';
import { GradingPage } from './grading-page';

const rubric: GradingTask['rubric'] = {
  criteria: [
    {
      id: 'argument',
      title: { kk: 'Дәлелдеу', en: 'Argument' },
      levels: [
        { id: 'weak', title: { kk: 'Әлсіз' }, points: 0 },
        { id: 'meets', title: { kk: 'Талапқа сай' }, points: 2 },
        { id: 'exceeds', title: { kk: 'Үздік' }, points: 4 },
      ],
    },
    {
      id: 'sources',
      title: { kk: 'Дереккөздер' },
      levels: [
        { id: 'none', title: { kk: 'Жоқ' }, points: 0 },
        { id: 'cited', title: { kk: 'Көрсетілген' }, points: 1 },
      ],
    },
  ],
};

const task = (n: number, o: Partial<GradingTask> = {}): GradingTask => ({
  attemptId: `00000000-0000-4000-8000-00000000000${n}`,
  itemId: `10000000-0000-4000-8000-00000000000${n}`,
  assessmentId: 'a1',
  assessmentTitle: 'Эссе: сабақтағы ЖИ',
  courseSlug: 'deepen-primary-personalised',
  submittedAt: `2026-11-0${n}T10:00:00Z`,
  prompt: 'ЖИ-ді сабақта қалай қолданасыз?',
  response: `Жауап ${n}:\n  бірінші жол\n<b>қалың емес</b>`,
  rubric,
  points: 10,
  ...o,
});

const page = (items: GradingTask[]): Page<GradingTask> => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
});

interface Fake {
  queues: Page<GradingTask>[];
  grade: (url: string, body: unknown) => AttemptResult;
}

async function render(fake: Fake) {
  localStorage.clear();
  const asked: string[] = [];
  const graded: { method: string; url: string; body: unknown }[] = [];
  TestBed.configureTestingModule({
    providers: [
      {
        provide: ApiClient,
        useValue: {
          get: async (path: string, params: Record<string, unknown>) => {
            asked.push(`${path}?${new URLSearchParams(params as Record<string, string>)}`);
            return fake.queues.length > 1 ? fake.queues.shift() : fake.queues[0];
          },
          request: async (method: string, url: string, body: unknown) => {
            graded.push({ method, url, body });
            return fake.grade(url, body);
          },
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(GradingPage);
  const el = fixture.nativeElement as HTMLElement;
  await vi.waitFor(async () => {
    await fixture.whenStable();
    expect(el.querySelector('.queue .q-meta')?.textContent?.trim()).not.toBe('');
  });
  return { fixture, el, asked, graded };
}

const pick = (el: HTMLElement, criterion: string, level: string) =>
  el
    .querySelector<HTMLInputElement>(`[data-criterion="${criterion}"] input[value="${level}"]`)!
    .click();

describe('GradingPage', () => {
  it('opens an answer as plain text, totals the rubric live and sends exactly levels and comment', async () => {
    const { fixture, el, graded } = await render({
      queues: [page([task(1), task(2)]), page([task(2)])],
      grade: () => ({
        score: null,
        maxScore: 20,
        percent: null,
        passed: null,
        status: 'submitted',
      }),
    });
    expect(el.querySelectorAll('tbody tr')).toHaveLength(2);
    el.querySelector<HTMLButtonElement>(`tr[data-attempt="${task(1).attemptId}"] button`)!.click();
    await fixture.whenStable();

    const response = el.querySelector('.task .response')!;
    // Never HTML: the markup the teacher typed is shown as typed, line breaks and all.
    expect(response.textContent).toBe('Жауап 1:\n  бірінші жол\n<b>қалың емес</b>');
    expect(response.querySelector('b')).toBeNull();
    expect(el.querySelectorAll('fieldset.criterion legend')[0].textContent).toContain('Дәлелдеу');

    const submit = el.querySelector<HTMLButtonElement>('.rubric button[type=submit]')!;
    expect(submit.disabled).toBe(true);
    pick(el, 'argument', 'meets');
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=total]')?.textContent).toContain('Жиыны: 2 / 5 ұпай');
    pick(el, 'argument', 'exceeds');
    pick(el, 'sources', 'cited');
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=total]')?.textContent).toContain('Жиыны: 5 / 5 ұпай');
    expect(el.querySelector('[data-testid=total]')?.textContent).toContain('10 / 10');
    expect(submit.disabled).toBe(false);

    const comment = el.querySelector<HTMLTextAreaElement>('textarea[name=comment]')!;
    comment.value = '  Жақсы дәлелдер.  ';
    comment.dispatchEvent(new Event('input'));
    submit.click();
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(el.querySelector('.task')?.getAttribute('data-attempt')).toBe(task(2).attemptId);
    });
    expect(graded).toEqual([
      {
        method: 'PUT',
        url: `/api/grading/attempts/${task(1).attemptId}/items/${task(1).itemId}`,
        body: { levels: { argument: 'exceeds', sources: 'cited' }, comment: 'Жақсы дәлелдер.' },
      },
    ]);
    // The next answer opens clean, with the grade's confirmation announced.
    expect(el.querySelector('.notice')?.textContent).toContain('Баға сақталды.');
    expect(el.querySelector('[data-testid=total]')?.textContent).toContain('Жиыны: 0 / 5 ұпай');
    expect(el.querySelector<HTMLInputElement>('input[value=exceeds]')!.checked).toBe(false);
  });

  it('explains NOT_AWAITING_GRADE and refreshes the queue', async () => {
    const { fixture, el, asked } = await render({
      queues: [page([task(1), task(2)]), page([task(2)])],
      grade: () => {
        throw new ApiError(409, 'NOT_AWAITING_GRADE', 'Бұл жауап бағалауды күтпейді.');
      },
    });
    el.querySelector<HTMLButtonElement>('tbody tr button')!.click();
    await fixture.whenStable();
    pick(el, 'argument', 'weak');
    pick(el, 'sources', 'none');
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('.rubric button[type=submit]')!.click();
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(el.querySelector('[role=alert]')?.textContent).toContain('Кезек жаңартылды');
    });
    expect(asked).toHaveLength(2);
    expect(el.querySelector('.task')).toBeNull();
    expect(el.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(el.querySelector(`tr[data-attempt="${task(1).attemptId}"]`)).toBeNull();
  });

  it('filters the queue by an assessment seen in it', async () => {
    const other = task(3, { assessmentId: 'a2', assessmentTitle: 'Жоба' });
    const { fixture, el, asked } = await render({
      queues: [page([task(1), other]), page([other])],
      grade: () => {
        throw new Error('not expected');
      },
    });
    const select = el.querySelector<HTMLSelectElement>('select[name=assessment]')!;
    expect([...select.options].map((o) => o.textContent?.trim())).toEqual([
      'Барлық бағалау',
      'Эссе: сабақтағы ЖИ',
      'Жоба',
    ]);
    select.value = 'a2';
    select.dispatchEvent(new Event('change'));
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(el.querySelectorAll('tbody tr')).toHaveLength(1);
    });
    expect(asked[1]).toContain('assessmentId=a2');
    expect(asked[1]).toContain('page=1');
  });
});
