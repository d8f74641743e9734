import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import type { AuthoringCourse, CourseDocument } from '@qadam/contracts';
import { of } from 'rxjs';
import { ApiClient, ApiError } from '../core/api-client';
import { FakeApi, sampleCourse, sampleDocument, version } from './authoring-testing';
import { CourseEditorPage, storageKey } from './course-editor-page';

@Component({ template: '' })
class Blank {}

function setup(course: AuthoringCourse = sampleCourse()) {
  localStorage.clear();
  vi.restoreAllMocks();
  const api = new FakeApi(course);
  vi.spyOn(window, 'confirm').mockReturnValue(true);
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'staff/authoring', component: Blank }]),
      { provide: ApiClient, useValue: api },
      {
        provide: ActivatedRoute,
        useValue: { paramMap: of(convertToParamMap({ slug: course.slug })) },
      },
    ],
  });
  return api;
}

/** A new editor on the page, as after opening it or reloading the browser tab. */
async function mount() {
  const fixture = TestBed.createComponent(CourseEditorPage);
  const el = fixture.nativeElement as HTMLElement;
  await vi.waitFor(async () => {
    await fixture.whenStable();
    expect(el.querySelector('h1')).not.toBeNull();
  });
  return { fixture, el, ...helpers(fixture, el) };
}

function helpers(fixture: ComponentFixture<CourseEditorPage>, el: HTMLElement) {
  const settle = () => fixture.whenStable();
  const q = <T extends Element = HTMLElement>(sel: string) => {
    const found = el.querySelector<T>(sel);
    if (!found) throw new Error(`nothing matches ${sel}`);
    return found;
  };
  const type = async (sel: string, value: string) => {
    const input = q<HTMLInputElement | HTMLTextAreaElement>(sel);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };
  const click = async (sel: string) => {
    q<HTMLButtonElement>(sel).click();
    await settle();
  };
  /** The button whose text starts with `text`, inside `scope`. */
  const button = (scope: string, text: string) => {
    const b = [...q(scope).querySelectorAll<HTMLButtonElement>(':scope > .q-row button, button')]
      .filter((x) => x.textContent!.trim().startsWith(text))
      .at(0);
    if (!b) throw new Error(`no "${text}" button in ${scope}`);
    return b;
  };
  const press = async (scope: string, text: string) => {
    button(scope, text).click();
    await settle();
  };
  const keys = () =>
    [...el.querySelectorAll('[data-module]')].map(
      (m) =>
        `${m.getAttribute('data-module')}: ${[...m.querySelectorAll('[data-lesson]')]
          .map((l) => l.getAttribute('data-lesson'))
          .join(' ')}`,
    );
  const state = () => q('[data-testid=save-state]').textContent!.trim();
  return { settle, q, type, click, button, press, keys, state };
}

const puts = (api: FakeApi) => api.calls.filter((c) => c.method === 'PUT');

describe('CourseEditorPage', () => {
  it('adds, moves and removes modules and lessons, tags a competency, and saves exactly that document', async () => {
    const api = setup();
    const { el, q, type, click, press, keys, state, settle } = await mount();
    expect(keys()).toEqual(['intro: welcome prompts']);
    expect(state()).toBe('Барлық өзгеріс сақталды');

    await click('button[name=add-module]');
    expect(keys()).toEqual(['intro: welcome prompts', 'module-1: lesson-1']);
    expect(state()).toBe('Сақталмаған өзгерістер бар');
    await press('[data-module=module-1]', '↑');
    expect(keys()).toEqual(['module-1: lesson-1', 'intro: welcome prompts']);
    await click('[data-module=intro] button[name=add-lesson]');
    expect(keys()).toEqual(['module-1: lesson-1', 'intro: welcome prompts lesson-2']);
    await press('[data-lesson=welcome] .lesson-actions', '↓');
    expect(keys()).toEqual(['module-1: lesson-1', 'intro: prompts welcome lesson-2']);
    // Up from the first lesson of a module: to the end of the module before it.
    await press('[data-lesson=prompts] .lesson-actions', '↑');
    expect(keys()).toEqual(['module-1: lesson-1 prompts', 'intro: welcome lesson-2']);
    await press('[data-lesson=lesson-2] .lesson-actions', 'Сабақты жою');
    expect(keys()).toEqual(['module-1: lesson-1 prompts', 'intro: welcome']);
    // The last lesson of a module cannot go: the API refuses an empty module.
    expect(
      [...q('[data-lesson=welcome] .lesson-actions').querySelectorAll('button')].at(-1)!.disabled,
    ).toBe(true);

    await type('[data-module=module-1] input[name=module-title]', 'Бастау');
    await type('[data-lesson=lesson-1] input[name=lesson-title]', 'ЖИ деген не');
    await type('[data-lesson=lesson-1] input[name=minutes]', '15');
    await type('[data-lesson=lesson-1] textarea[name=body]', '# Жасанды интеллект\n\nМәтін.');
    await click('[data-lesson=lesson-1] .sources > button');
    await type('[data-lesson=lesson-1] input[name=source-title]', 'UNESCO (2024)');
    await type(
      '[data-lesson=lesson-1] input[name=source-url]',
      'https://doi.org/10.54675/ZJTE2084',
    );

    // Tag the new lesson from the frameworks' list, found by searching its name.
    const picker = q<HTMLDetailsElement>('[data-lesson=lesson-1] .picker details');
    picker.open = true;
    picker.dispatchEvent(new Event('toggle'));
    await vi.waitFor(async () => {
      await settle();
      expect(picker.querySelectorAll('input[name=competency]').length).toBe(4);
    });
    await type('[data-lesson=lesson-1] input[name=competency-search]', 'әдістері');
    expect(picker.querySelectorAll('input[name=competency]').length).toBe(1);
    await click('[data-lesson=lesson-1] input[data-code="unesco-cft:3.1"]');
    expect(q('[data-lesson=lesson-1] .chips').textContent).toContain('ЖИ-дің негізгі әдістері');

    await click('button[name=save]');
    await vi.waitFor(() => expect(puts(api)).toHaveLength(1));

    const expected = sampleDocument();
    const [welcome, prompts] = expected.modules[0].lessons;
    expected.modules = [
      {
        key: 'module-1',
        title: { kk: 'Бастау', ru: 'Модуль 2' },
        lessons: [
          {
            key: 'lesson-1',
            title: { kk: 'ЖИ деген не', ru: 'Урок 1' },
            minutes: 15,
            required: true,
            competencies: ['unesco-cft:3.1'],
            sources: [{ title: 'UNESCO (2024)', url: 'https://doi.org/10.54675/ZJTE2084' }],
            body: { kk: '# Жасанды интеллект\n\nМәтін.' },
          },
          prompts,
        ],
      },
      { ...expected.modules[0], lessons: [welcome] },
    ];
    expect(puts(api)[0]).toEqual({
      method: 'PUT',
      url: '/api/authoring/courses/ai-basics/draft',
      body: { document: expected },
    });
    await vi.waitFor(async () => {
      await settle();
      expect(state()).toBe('Барлық өзгеріс сақталды');
    });
    // Saved work is no longer kept on the device.
    expect(localStorage.getItem(storageKey('ai-basics'))).toBeNull();
    expect(el.querySelector('[role=alert]')).toBeNull();
  });

  it('shows the lesson as teachers will see it once typing pauses', async () => {
    const api = setup();
    const { q, type, settle } = await mount();
    const lesson = q<HTMLDetailsElement>('[data-lesson=prompts] details');
    lesson.open = true;
    lesson.dispatchEvent(new Event('toggle'));
    await type('[data-lesson=prompts] textarea[name=body]', '# Промпт жазу');
    await type('[data-lesson=prompts] textarea[name=body]', '# Промпт жазу өнері');
    await vi.waitFor(async () => {
      await settle();
      expect(q('[data-lesson=prompts] .preview h1').textContent).toBe('Промпт жазу өнері');
    });
    // Debounced: the first keystrokes were not each sent.
    const previews = api.calls.filter((c) => c.url === '/api/authoring/preview');
    expect(previews.map((c) => (c.body as { markdown: string }).markdown)).not.toContain(
      '# Промпт жазу',
    );
  });

  it('keeps unsaved work on the device and offers it back after a reload', async () => {
    const api = setup();
    const first = await mount();
    await first.type('input[name=title]', 'ЖИ негіздері: жаңа атау');
    await first.click('button[name=add-module]');
    expect(localStorage.getItem(storageKey('ai-basics'))).toContain('жаңа атау');
    first.fixture.destroy();

    const second = await mount();
    // The server still has the old title; the device's copy is offered, not forced.
    expect(second.q<HTMLInputElement>('input[name=title]').value).toBe('ЖИ негіздері');
    expect(second.q('.recovery').textContent).toContain('сақталмай қалған өзгерістер');
    // Nothing can be typed over it until the author decides, and a second reload still has it.
    expect(second.q<HTMLFieldSetElement>('fieldset.plain').disabled).toBe(true);
    expect(localStorage.getItem(storageKey('ai-basics'))).toContain('жаңа атау');
    await second.click('.recovery button');
    expect(second.q<HTMLInputElement>('input[name=title]').value).toBe('ЖИ негіздері: жаңа атау');
    expect(second.keys()).toEqual(['intro: welcome prompts', 'module-1: lesson-1']);
    expect(second.state()).toBe('Сақталмаған өзгерістер бар');
    expect(api.writes()).toEqual([]);
  });

  it('can drop the device copy and keep the saved draft', async () => {
    setup();
    const first = await mount();
    await first.type('input[name=title]', 'Уақытша атау');
    first.fixture.destroy();
    const second = await mount();
    await second.press('.recovery', 'Өзгерістерден бас тарту');
    expect(second.el.querySelector('.recovery')).toBeNull();
    expect(localStorage.getItem(storageKey('ai-basics'))).toBeNull();
    expect(second.state()).toBe('Барлық өзгеріс сақталды');
  });

  it('shows a draft in review read-only, without saving or submitting', async () => {
    const api = setup(sampleCourse({ draft: version({ status: 'in_review' }) }));
    const { el, q, type, state } = await mount();
    expect(q('[role=status].q-warn').textContent).toContain('Жоба сараптамада');
    expect(q('.status').textContent).toBe('Сараптамада');
    expect(q<HTMLFieldSetElement>('fieldset.plain').disabled).toBe(true);
    expect(el.querySelector('button[name=save]')).toBeNull();
    expect(el.querySelector('.picker details')).toBeNull();
    await type('input[name=title]', 'Өзгертуге болмайды');
    expect(state()).toBe('Барлық өзгеріс сақталды');
    expect(localStorage.getItem(storageKey('ai-basics'))).toBeNull();
    expect(api.writes()).toEqual([]);
  });

  it("puts the API's problems beside their fields, opening the lesson they are in", async () => {
    const api = setup();
    api.fail(
      'PUT',
      '/draft',
      new ApiError(400, 'VALIDATION_FAILED', 'Құжатта қателер бар.', {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Құжатта қателер бар.',
        details: [
          { field: 'modules[0].lessons[1].body.ru', problem: 'Сабақ мәтіні бос.', rule: 'x' },
          { field: 'hours', problem: 'Кемінде 1 болуы керек.', rule: 'minimum' },
        ],
      }),
    );
    const { q, type, click, state, settle } = await mount();
    await type('input[name=hours]', '0');
    await click('button[name=save]');
    await vi.waitFor(async () => {
      await settle();
      expect(state()).toBe('Сақталмады: төмендегі қателерді қараңыз');
    });
    expect(q('[role=alert]').textContent).toContain('Құжатта қателер бар.');
    expect(q<HTMLDetailsElement>('[data-lesson=prompts] details').open).toBe(true);
    expect(q('[data-lesson=prompts] .body-grid').textContent).toContain('Сабақ мәтіні бос.');
    expect(q('[data-lesson=welcome]').textContent).not.toContain('Сабақ мәтіні бос.');
    expect(q('input[name=hours]').parentElement!.textContent).toContain('Кемінде 1 болуы керек.');
    // Still unsaved and still on the device.
    expect(localStorage.getItem(storageKey('ai-basics'))).toContain('"hours":0');
  });

  it("saves, then submits for review, and shows a returned draft's comment", async () => {
    const returned = version({
      reviewedAt: '2026-11-04T12:00:00Z',
      reviewComment: 'Екінші сабаққа дереккөз қосыңыз.',
    });
    const api = setup(sampleCourse({ draft: returned }));
    const { q, type, press, settle } = await mount();
    expect(q('.returned').textContent).toContain('Екінші сабаққа дереккөз қосыңыз.');
    expect(q('.status').textContent).toBe('Түзетуге қайтарылды');
    expect(q('[data-version="1"]').textContent).toContain('Екінші сабаққа дереккөз қосыңыз.');

    await type('input[name=title]', 'Түзетілген атау');
    await press('.savebar', 'Сараптауға жіберу');
    await vi.waitFor(async () => {
      await settle();
      expect(q('.status').textContent).toBe('Сараптамада');
    });
    expect(api.writes().map((c) => `${c.method} ${c.url}`)).toEqual([
      'PUT /api/authoring/courses/ai-basics/draft',
      'POST /api/authoring/courses/ai-basics/draft/submit',
    ]);
    expect((api.writes()[0].body as { document: CourseDocument }).document.title.kk).toBe(
      'Түзетілген атау',
    );
    expect(q<HTMLFieldSetElement>('fieldset.plain').disabled).toBe(true);
    expect(q('p.notice').textContent).toContain('Жоба сараптауға жіберілді.');
  });

  it('starts from the published version when no draft is open: nothing to submit or discard until it is edited and saved', async () => {
    const published = version({ status: 'published', publishedAt: '2026-11-02T10:00:00Z' });
    const api = setup(sampleCourse({ draft: null, publishedVersion: 1, versions: [published] }));
    const { el, q, type, button, click, settle } = await mount();
    expect(q('.from-published').textContent).toContain('Ашық жоба жоқ');
    expect(button('.savebar', 'Сараптауға жіберу').disabled).toBe(true);
    expect(el.querySelector('.savebar')!.textContent).not.toContain('Жобаны жою');
    await type('input[name=title]', 'Жаңа нұсқаның атауы');
    expect(button('.savebar', 'Сараптауға жіберу').disabled).toBe(false);
    await click('button[name=save]');
    await vi.waitFor(async () => {
      await settle();
      expect(api.writes().map((c) => `${c.method} ${c.url}`)).toEqual([
        'PUT /api/authoring/courses/ai-basics/draft',
      ]);
    });
  });

  it('asks before leaving with unsaved changes, and not otherwise', async () => {
    setup();
    const { fixture, type } = await mount();
    const confirm = vi.mocked(window.confirm);
    expect(fixture.componentInstance.canLeave()).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
    await type('input[name=title]', 'Жаңа');
    confirm.mockReturnValueOnce(false);
    expect(fixture.componentInstance.canLeave()).toBe(false);
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});
