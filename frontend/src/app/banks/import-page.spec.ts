import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CoursePackageReport, ImportReport } from '@qadam/contracts';
import { ApiClient, ApiError, RawBody } from '../core/api-client';
import { ImportPage } from './import-page';

const giftReport: ImportReport = {
  format: 'gift',
  banks: [{ id: 'b-1', key: 'week-1', created: true, items: 2 }],
  imported: 2,
  duplicates: 1,
  skipped: 1,
  problems: [{ index: 3, name: 'Unbalanced', line: 5, problem: 'Жабатын жақша жоқ' }],
  warnings: [{ index: 4, name: 'Good two', problem: 'Әдепкі рубрика қойылды' }],
};

interface Sent {
  method: string;
  url: string;
  body: unknown;
}

async function render(answer: (s: Sent) => unknown) {
  localStorage.clear();
  const sent: Sent[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      {
        provide: ApiClient,
        useValue: {
          get: async () => [],
          request: async (method: string, url: string, body: unknown) => {
            const s = { method, url, body };
            sent.push(s);
            return answer(s);
          },
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(ImportPage);
  const el = fixture.nativeElement as HTMLElement;
  await fixture.whenStable();
  const upload = async (file: File) => {
    const input = el.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(sent.length).toBeGreaterThan(0);
      expect(el.querySelector('button[name=upload]')?.textContent).not.toContain('Жүктелуде');
    });
  };
  return { el, sent, upload, fixture };
}

describe('ImportPage', () => {
  it('sends Moodle XML as application/xml with the chosen options', async () => {
    const r = await render(() => ({ ...giftReport, format: 'moodle' }));
    const file = new File(['<quiz></quiz>'], 'final.xml');
    const input = r.el.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await r.fixture.whenStable();
    const lang = r.el.querySelector<HTMLSelectElement>('select[name=lang]')!;
    lang.value = 'ru';
    lang.dispatchEvent(new Event('change'));
    const bank = r.el.querySelector<HTMLInputElement>('input[name=bank]')!;
    bank.value = 'final-ru';
    bank.dispatchEvent(new Event('input'));
    await r.fixture.whenStable();
    r.el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(r.sent).toHaveLength(1));
    const [s] = r.sent;
    expect(s.method).toBe('POST');
    expect(s.url).toBe('/api/banks/import?format=moodle&lang=ru&bank=final-ru&difficulty=medium');
    expect(s.body).toBeInstanceOf(RawBody);
    expect((s.body as RawBody).type).toBe('application/xml');
    expect((s.body as RawBody).data).toBe(file);
  });

  it('sends GIFT as text/plain and shows the per-question report', async () => {
    const r = await render(() => giftReport);
    await r.upload(new File(['::Q:: 2+2 {=4 ~5}'], 'week-1.gift'));
    const [s] = r.sent;
    expect(s.url).toContain('/api/banks/import?format=gift&lang=kk');
    expect((s.body as RawBody).type).toBe('text/plain');

    const report = r.el.querySelector('.report')!;
    expect(report.querySelector('[data-count=imported]')?.textContent).toContain('Импортталды: 2');
    expect(report.querySelector('[data-count=duplicates]')?.textContent).toContain('1');
    expect(report.querySelector('[data-count=skipped]')?.textContent).toContain(
      'Өткізіп жіберілді: 1',
    );
    const problem = report.querySelector('[data-list=problems] tr[data-index="3"]')!;
    expect([...problem.querySelectorAll('td')].map((td) => td.textContent?.trim())).toEqual([
      '3',
      'Unbalanced',
      '5',
      'Жабатын жақша жоқ',
    ]);
    expect(report.querySelector('[data-list=warnings]')?.textContent).toContain(
      'Әдепкі рубрика қойылды',
    );
    const link = report.querySelector<HTMLAnchorElement>('li[data-key="week-1"] a')!;
    expect(link.getAttribute('href')).toBe('/staff/banks/b-1');
    expect(report.querySelector('li[data-key="week-1"]')?.textContent).toContain('жаңа');
  });

  it('a .txt file is GIFT too', async () => {
    const r = await render(() => giftReport);
    await r.upload(new File(['x {T}'], 'questions.txt'));
    expect((r.sent[0].body as RawBody).type).toBe('text/plain');
  });

  it('sends a course package as application/zip and lists its problems as file:line', async () => {
    const refused = new ApiError(400, 'PACKAGE_PROBLEMS', 'Пакетте қателер бар.', {
      statusCode: 400,
      code: 'PACKAGE_PROBLEMS',
      message: 'Пакетте қателер бар.',
      details: [
        {
          field: 'banks/final.yaml:12',
          problem: 'competencies өрісі жоқ',
          rule: 'schema.required',
        },
      ],
    });
    const r = await render(() => {
      throw refused;
    });
    await r.upload(new File([new Uint8Array([80, 75, 3, 4])], 'course.zip'));
    expect(r.sent[0].url).toBe('/api/authoring/packages');
    expect((r.sent[0].body as RawBody).type).toBe('application/zip');
    expect(r.el.querySelector('[role=alert]')?.textContent).toContain('табылған қателер: 1');
    expect(r.el.querySelector('li[data-rule="schema.required"]')?.textContent).toContain(
      'banks/final.yaml:12 — competencies өрісі жоқ',
    );
    expect(r.el.querySelector('a[href^="/staff/authoring"]')).toBeNull();
  });

  it('an imported package links to the course editor', async () => {
    const done: CoursePackageReport = {
      slug: 'ai-in-teachers-work',
      outcome: 'updated',
      version: 4,
      banks: [{ key: 'final', created: false, added: 2, versioned: 1, unchanged: 30, archived: 0 }],
      lessons: 12,
      items: 33,
    };
    const r = await render(() => done);
    await r.upload(new File([new Uint8Array([80, 75, 3, 4])], 'course.zip'));
    const status = r.el.querySelector('.package [role=status]')!;
    expect(status.textContent).toContain('Курстың жобасы жаңартылды.');
    expect(status.textContent).toContain('Жоба нұсқасы: 4.');
    expect(
      r.el.querySelector<HTMLAnchorElement>('a[href="/staff/authoring/ai-in-teachers-work"]'),
    ).not.toBeNull();
    expect(r.el.querySelector('tr[data-key=final]')?.textContent).toContain('30');
  });

  it('refuses an unknown kind of file before sending anything', async () => {
    const r = await render(() => giftReport);
    const input = r.el.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'notes.docx')] });
    input.dispatchEvent(new Event('change'));
    await r.fixture.whenStable();
    expect(r.el.textContent).toContain('бұл файл түрі қабылданбайды');
    expect(r.el.querySelector<HTMLButtonElement>('button[name=upload]')!.disabled).toBe(true);
  });
});
