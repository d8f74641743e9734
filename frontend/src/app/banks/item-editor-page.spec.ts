import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ItemDefinition, KeyCorrectionResult } from '@qadam/contracts';
import { ApiError } from '../core/api-client';
import { BanksApi, type CompetencyChoice, type ItemDetail } from './banks-api';
import { ItemEditorPage } from './item-editor-page';

const COMPETENCIES: CompetencyChoice[] = [
  {
    code: 'unesco-cft:1.1',
    framework: 'unesco-cft',
    frameworkTitle: { kk: 'ЮНЕСКО' },
    kind: 'block',
    level: '1',
    name: { kk: 'Адамның бастамасы' },
  },
  {
    code: 'iste-ed:2.3.b',
    framework: 'iste-ed',
    frameworkTitle: { kk: 'ISTE' },
    kind: 'indicator',
    level: null,
    name: { kk: 'Азамат' },
  },
];

const stored: ItemDetail = {
  id: 'item-1',
  bankId: 'bank-1',
  key: 'gm-choice',
  version: 2,
  versionId: 'v2',
  type: 'single',
  difficulty: 'easy',
  competencies: ['unesco-cft:1.1'],
  archived: false,
  updatedAt: '2026-11-20T10:00:00Z',
  definition: {
    type: 'single',
    prompt: { kk: 'Модель қалай оқиды?', ru: 'Как учится модель?' },
    competencies: ['unesco-cft:1.1'],
    difficulty: 'easy',
    options: [
      { id: 'aa', text: { kk: 'Келесі сөзді болжайды' }, correct: true },
      { id: 'bb', text: { kk: 'Жаттайды' } },
    ],
  },
  versions: [
    { version: 1, id: 'v1', createdAt: '2026-11-01T10:00:00Z', keyCorrectedAt: null },
    { version: 2, id: 'v2', createdAt: '2026-11-20T10:00:00Z', keyCorrectedAt: null },
  ],
};

interface Calls {
  added: { bankId: string; key: string | null; definition: ItemDefinition }[];
  revised: { id: string; definition: ItemDefinition }[];
  corrected: { id: string; version: number; definition: ItemDefinition; reason: string }[];
}

async function render(itemId: string, overrides: Partial<Record<keyof BanksApi, unknown>> = {}) {
  localStorage.clear();
  const calls: Calls = { added: [], revised: [], corrected: [] };
  const api = {
    competencies: async () => COMPETENCIES,
    item: async () => structuredClone(stored),
    addItem: async (bankId: string, key: string | null, definition: ItemDefinition) => {
      calls.added.push({ bankId, key, definition });
      return { ...structuredClone(stored), id: 'item-new', version: 1, key, definition };
    },
    revise: async (id: string, definition: ItemDefinition) => {
      calls.revised.push({ id, definition });
      return { ...structuredClone(stored), version: 3, definition };
    },
    correctKey: async (
      id: string,
      version: number,
      definition: ItemDefinition,
      reason: string,
    ): Promise<KeyCorrectionResult> => {
      calls.corrected.push({ id, version, definition, reason });
      return { itemId: id, version, regraded: 2, changed: 1 };
    },
    ...overrides,
  };
  TestBed.configureTestingModule({
    providers: [provideRouter([]), { provide: BanksApi, useValue: api }],
  });
  const fixture = TestBed.createComponent(ItemEditorPage);
  fixture.componentRef.setInput('id', 'bank-1');
  fixture.componentRef.setInput('itemId', itemId);
  const el = fixture.nativeElement as HTMLElement;
  await vi.waitFor(async () => {
    await fixture.whenStable();
    expect(el.querySelector('input[name="prompt.kk"], textarea[name="prompt.kk"]')).not.toBeNull();
  });
  const stable = () => fixture.whenStable();
  const field = (name: string) =>
    el.querySelector<HTMLInputElement>(`[name="${name}"]`) ??
    (() => {
      throw new Error(`no field ${name}`);
    })();
  /** Types into a field (input or textarea), as a user does. */
  const fill = async (name: string, value: string) => {
    const f = field(name);
    f.value = value;
    f.dispatchEvent(new Event('input'));
    await stable();
  };
  const choose = async (name: string, value: string) => {
    const s = el.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
    s.value = value;
    s.dispatchEvent(new Event('change'));
    await stable();
  };
  const click = async (selector: string) => {
    const b = el.querySelector<HTMLElement>(selector);
    if (!b) throw new Error(`nothing at ${selector}`);
    b.click();
    await stable();
  };
  /** Finds a competency in the picker named `picker` and adds it. */
  const tag = async (picker: string, code: string) => {
    await fill(`${picker}.search`, code.split(':')[1]);
    await click(`[data-picker="${picker}"] button[data-code="${code}"]`);
  };
  const save = async () => {
    el.querySelector<HTMLFormElement>('form.item-form')!.dispatchEvent(new Event('submit'));
    await vi.waitFor(async () => {
      await stable();
      expect(fixture.componentInstance['busy']()).toBe(false);
    });
  };
  return { fixture, el, calls, fill, choose, click, tag, save, field, stable };
}

describe('ItemEditorPage: the definition sent for each type', () => {
  it('single choice: the marked option, points, general feedback, the item key', async () => {
    const r = await render('new');
    await r.fill('key', 'gm-single');
    await r.fill('prompt.kk', 'Қайсысы дұрыс?');
    await r.fill('prompt.ru', 'Что верно?');
    await r.tag('competencies', 'unesco-cft:1.1');
    await r.choose('difficulty', 'hard');
    await r.fill('points', '2');
    await r.fill('options[0].text.kk', 'Бірінші');
    await r.fill('options[1].text.kk', 'Екінші');
    await r.click('input[name=correct][value="1"]');
    await r.click('details.feedback summary');
    await r.fill('feedback.general.kk', 'Түсініктеме');
    await r.save();
    expect(r.calls.added).toEqual([
      {
        bankId: 'bank-1',
        key: 'gm-single',
        definition: {
          type: 'single',
          prompt: { kk: 'Қайсысы дұрыс?', ru: 'Что верно?' },
          competencies: ['unesco-cft:1.1'],
          difficulty: 'hard',
          points: 2,
          feedback: { general: { kk: 'Түсініктеме' } },
          options: [{ text: { kk: 'Бірінші' } }, { text: { kk: 'Екінші' }, correct: true }],
        },
      },
    ]);
    expect(r.el.querySelector('[role=status]')?.textContent).toContain('Сақталды: 1-нұсқа.');
  });

  it('multiple choice with Moodle fractions: percents become shares, per-option feedback', async () => {
    const r = await render('new');
    await r.choose('type', 'multiple');
    await r.fill('prompt.kk', 'Қайсылары?');
    await r.tag('competencies', 'iste-ed:2.3.b');
    await r.choose('scoring', 'fractions');
    await r.click('button[name=addOption]');
    for (const [i, text, fraction] of [
      [0, 'А', '50'],
      [1, 'Ә', '50'],
      [2, 'Б', '-100'],
    ] as const) {
      await r.fill(`options[${i}].text.kk`, text);
      await r.fill(`options[${i}].fraction`, fraction);
    }
    await r.click('input[name="options[0].correct"]');
    await r.click('input[name="options[1].correct"]');
    await r.fill('options[2].feedback.kk', 'Жоқ, бұл бұрыс');
    await r.save();
    expect(r.calls.added[0].definition).toEqual({
      type: 'multiple',
      prompt: { kk: 'Қайсылары?' },
      competencies: ['iste-ed:2.3.b'],
      difficulty: 'medium',
      scoring: 'fractions',
      options: [
        { text: { kk: 'А' }, correct: true, fraction: 0.5 },
        { text: { kk: 'Ә' }, correct: true, fraction: 0.5 },
        { text: { kk: 'Б' }, fraction: -1, feedback: { kk: 'Жоқ, бұл бұрыс' } },
      ],
    });
    expect(r.calls.added[0].key).toBeNull();
  });

  it('true/false: the answer', async () => {
    const r = await render('new');
    await r.choose('type', 'true_false');
    await r.fill('prompt.kk', 'ЖИ қателеспейді.');
    await r.tag('competencies', 'unesco-cft:1.1');
    await r.click('input[name=answer][value=false]');
    await r.save();
    expect(r.calls.added[0].definition).toEqual({
      type: 'true_false',
      prompt: { kk: 'ЖИ қателеспейді.' },
      competencies: ['unesco-cft:1.1'],
      difficulty: 'medium',
      answer: false,
    });
  });

  it('matching: pairs, a distractor and the scoring rule', async () => {
    const r = await render('new');
    await r.choose('type', 'matching');
    await r.fill('prompt.kk', 'Сәйкестендіріңіз');
    await r.tag('competencies', 'unesco-cft:1.1');
    await r.choose('structureScoring', 'partial');
    await r.fill('pairs[0].left.text.kk', 'Токен');
    await r.fill('pairs[0].right.text.kk', 'Мәтін бөлігі');
    await r.fill('pairs[1].left.text.kk', 'Промпт');
    await r.fill('pairs[1].right.text.kk', 'Сұраныс');
    await r.click('button[name=addDistractor]');
    await r.fill('distractors[0].text.kk', 'Сурет');
    await r.save();
    expect(r.calls.added[0].definition).toEqual({
      type: 'matching',
      prompt: { kk: 'Сәйкестендіріңіз' },
      competencies: ['unesco-cft:1.1'],
      difficulty: 'medium',
      scoring: 'partial',
      pairs: [
        { left: { text: { kk: 'Токен' } }, right: { text: { kk: 'Мәтін бөлігі' } } },
        { left: { text: { kk: 'Промпт' } }, right: { text: { kk: 'Сұраныс' } } },
      ],
      distractors: [{ text: { kk: 'Сурет' } }],
    });
  });

  it('ordering: the sequence as moved up and down', async () => {
    const r = await render('new');
    await r.choose('type', 'ordering');
    await r.fill('prompt.kk', 'Ретімен қойыңыз');
    await r.tag('competencies', 'unesco-cft:1.1');
    await r.click('button[name=addPiece]');
    await r.fill('sequence[0].text.kk', 'Бір');
    await r.fill('sequence[1].text.kk', 'Үш');
    await r.fill('sequence[2].text.kk', 'Екі');
    await r.click('[data-piece="2"] button[aria-label^="3-элементті жоғары"]');
    await r.save();
    expect(r.calls.added[0].definition).toEqual({
      type: 'ordering',
      prompt: { kk: 'Ретімен қойыңыз' },
      competencies: ['unesco-cft:1.1'],
      difficulty: 'medium',
      scoring: 'all_or_nothing',
      sequence: [{ text: { kk: 'Бір' } }, { text: { kk: 'Екі' } }, { text: { kk: 'Үш' } }],
    });
  });

  it('short answer: wildcard answers, a partial one, case-sensitive', async () => {
    const r = await render('new');
    await r.choose('type', 'short_answer');
    await r.fill('prompt.kk', 'Бөліктер қалай аталады?');
    await r.tag('competencies', 'unesco-cft:1.1');
    await r.fill('answers[0].text', 'токен*');
    await r.click('button[name=addAnswer]');
    await r.fill('answers[1].text', 'Token');
    await r.fill('answers[1].fraction', '50');
    await r.click('input[name=caseSensitive]');
    await r.save();
    expect(r.calls.added[0].definition).toEqual({
      type: 'short_answer',
      prompt: { kk: 'Бөліктер қалай аталады?' },
      competencies: ['unesco-cft:1.1'],
      difficulty: 'medium',
      answers: [{ text: 'токен*' }, { text: 'Token', fraction: 0.5 }],
      caseSensitive: true,
    });
  });

  it('numeric: a decimal comma and a tolerance', async () => {
    const r = await render('new');
    await r.choose('type', 'numeric');
    await r.fill('prompt.kk', '7 / 2 = ?');
    await r.tag('competencies', 'unesco-cft:1.1');
    await r.fill('answers[0].value', '3,5');
    await r.fill('answers[0].tolerance', '0.1');
    await r.save();
    expect(r.calls.added[0].definition).toEqual({
      type: 'numeric',
      prompt: { kk: '7 / 2 = ?' },
      competencies: ['unesco-cft:1.1'],
      difficulty: 'medium',
      answers: [{ value: 3.5, tolerance: 0.1 }],
    });
  });

  it('essay: the rubric with criterion competencies, levels, meets, maxLength', async () => {
    const r = await render('new');
    await r.choose('type', 'essay');
    await r.fill('prompt.kk', 'Сабақ жоспарын талдаңыз');
    await r.tag('competencies', 'unesco-cft:1.1');
    await r.fill('rubric.criteria[0].title.kk', 'Дәлелдер');
    await r.tag('rubric.criteria[0].competencies', 'iste-ed:2.3.b');
    await r.fill('rubric.criteria[0].levels[0].title.kk', 'Жоқ');
    await r.fill('rubric.criteria[0].levels[1].title.kk', 'Бар');
    await r.fill('rubric.criteria[0].levels[1].points', '2');
    await r.fill('maxLength', '5000');
    await r.save();
    const rubric = {
      criteria: [
        {
          title: { kk: 'Дәлелдер' },
          competencies: ['iste-ed:2.3.b'],
          levels: [
            { title: { kk: 'Жоқ' }, points: 0 },
            { title: { kk: 'Бар' }, points: 2, meets: true },
          ],
        },
      ],
    };
    expect(r.calls.added[0].definition).toEqual({
      type: 'essay',
      prompt: { kk: 'Сабақ жоспарын талдаңыз' },
      competencies: ['unesco-cft:1.1'],
      difficulty: 'medium',
      rubric,
      maxLength: 5000,
    });
  });

  it('task: a rubric too, its second level meeting expectations by default', async () => {
    const t = await render('new');
    await t.choose('type', 'task');
    await t.fill('prompt.kk', 'Жоба');
    await t.tag('competencies', 'unesco-cft:1.1');
    await t.fill('rubric.criteria[0].title.kk', 'Дәлелдер');
    await t.fill('rubric.criteria[0].levels[0].title.kk', 'Жоқ');
    await t.fill('rubric.criteria[0].levels[1].title.kk', 'Бар');
    await t.save();
    expect(t.calls.added[0].definition).toMatchObject({
      type: 'task',
      rubric: {
        criteria: [
          {
            levels: [
              { title: { kk: 'Жоқ' }, points: 0 },
              { title: { kk: 'Бар' }, points: 1, meets: true },
            ],
          },
        ],
      },
    });
  });
});

describe('ItemEditorPage: an existing item', () => {
  it('loads the item into the form and saves a new version keeping its choice ids', async () => {
    const r = await render('item-1');
    expect(r.field('prompt.ru').value).toBe('Как учится модель?');
    expect(r.field('options[0].text.kk').value).toBe('Келесі сөзді болжайды');
    expect(r.el.querySelector<HTMLInputElement>('input[name=correct][value="0"]')!.checked).toBe(
      true,
    );
    expect(r.el.querySelectorAll('.versions li')).toHaveLength(2);
    expect(r.el.querySelector('input[name=key]')).toBeNull();
    await r.fill('options[1].text.kk', 'Энциклопедияны жаттайды');
    expect(r.el.textContent).toContain('Сақталмаған өзгерістер бар.');
    await r.save();
    expect(r.calls.revised).toEqual([
      {
        id: 'item-1',
        definition: {
          type: 'single',
          prompt: { kk: 'Модель қалай оқиды?', ru: 'Как учится модель?' },
          competencies: ['unesco-cft:1.1'],
          difficulty: 'easy',
          options: [
            { id: 'aa', text: { kk: 'Келесі сөзді болжайды' }, correct: true },
            { id: 'bb', text: { kk: 'Энциклопедияны жаттайды' } },
          ],
        },
      },
    ]);
    expect(r.el.querySelector('[role=status]')?.textContent).toContain('Сақталды: 3-нұсқа.');
    expect(r.el.textContent).not.toContain('Сақталмаған өзгерістер бар.');
    expect(r.fixture.componentInstance.canLeave()).toBe(true);
  });

  it('shows the API problems next to their fields and keeps what was typed', async () => {
    const refused = new ApiError(400, 'VALIDATION_FAILED', 'Деректер дұрыс емес.', {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Деректер дұрыс емес.',
      details: [
        { field: 'definition.options[1].text', problem: 'Мәтін бос болмауы керек', rule: 'x' },
        { field: 'definition.competencies', problem: 'Кемінде бір құзырет', rule: 'y' },
        { field: 'definition', problem: 'Белгісіз өріс', rule: 'z' },
      ],
    });
    const r = await render('new', {
      addItem: async () => {
        throw refused;
      },
    });
    await r.fill('prompt.kk', 'Менің сұрағым');
    await r.fill('options[0].text.kk', 'Бір');
    await r.save();
    expect(r.el.querySelector('[data-option="1"]')?.textContent).toContain(
      'Мәтін бос болмауы керек',
    );
    expect(r.el.querySelector('[data-option="0"]')?.textContent).not.toContain('Мәтін бос');
    expect(r.el.querySelector('[data-picker="competencies"]')?.textContent).toContain(
      'Кемінде бір құзырет',
    );
    const alert = r.el.querySelector('form [role=alert]')!;
    expect(alert.textContent).toContain('Деректер дұрыс емес.');
    expect(alert.textContent).toContain('Белгісіз өріс');
    expect(r.field('prompt.kk').value).toBe('Менің сұрағым');
    expect(r.field('options[0].text.kk').value).toBe('Бір');
    expect(r.fixture.componentInstance['dirty']()).toBe(true);
  });

  it('corrects the key of the current version only with a reason, and says what was regraded', async () => {
    const r = await render('item-1');
    await r.click('input[name=correct][value="1"]');
    await r.click('button[name=correctKey]');
    expect(r.calls.corrected).toEqual([]);
    expect(r.el.querySelector('.key-correction [role=alert]')?.textContent).toContain(
      'Кілтті не үшін түзететініңізді жазыңыз.',
    );
    await r.fill('reason', 'Дұрыс жауап қате белгіленген');
    await r.click('button[name=correctKey]');
    await vi.waitFor(() => expect(r.calls.corrected).toHaveLength(1));
    expect(r.calls.corrected[0]).toMatchObject({
      id: 'item-1',
      version: 2,
      reason: 'Дұрыс жауап қате белгіленген',
      definition: {
        options: [
          { id: 'aa', text: { kk: 'Келесі сөзді болжайды' } },
          { id: 'bb', text: { kk: 'Жаттайды' }, correct: true },
        ],
      },
    });
    expect(
      (r.calls.corrected[0].definition as { options: object[] }).options[0],
    ).not.toHaveProperty('correct');
    await vi.waitFor(async () => {
      await r.stable();
      expect(r.el.querySelector('.key-correction [role=status]')?.textContent).toContain(
        '2 талпыныс қайта бағаланды, 1 нәтиже өзгерді',
      );
    });
  });
});
