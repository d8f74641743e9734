import { TestBed } from '@angular/core/testing';
import type { BulkEnrollmentReport } from '@qadam/contracts';
import { ApiClient, RawBody } from '../core/api-client';
import { AdminEnrolmentsPage, toCsv } from './admin-enrolments-page';

const report = (o: Partial<BulkEnrollmentReport> = {}): BulkEnrollmentReport => ({
  id: '0b6f1c2e-5a1d-4e8f-9a37-2f4f0e2b9c11',
  status: 'done',
  mode: 'partial',
  total: 3,
  processed: 3,
  applied: 1,
  problems: [],
  moreProblems: 0,
  createdAt: '2026-11-20T10:00:00Z',
  finishedAt: '2026-11-20T10:00:05Z',
  ...o,
});

const problems: BulkEnrollmentReport['problems'] = [
  {
    line: 3,
    teacher: 'nobody@mektep.kz',
    cohort: 'DEEPEN-1',
    code: 'UNKNOWN_TEACHER',
    message: 'Мұндай e-mail немесе ЖСН бар тіркелгі табылмады.',
  },
  {
    line: 4,
    teacher: 'aigul@mektep.kz',
    cohort: 'NOPE',
    code: 'UNKNOWN_COHORT',
    message: '«NOPE» коды бар топ (немесе МАОК) табылмады.',
  },
];

function render(posted: BulkEnrollmentReport, polls: BulkEnrollmentReport[] = []) {
  localStorage.clear();
  const sent: { method: string; url: string; body: unknown }[] = [];
  const polled: string[] = [];
  TestBed.configureTestingModule({
    providers: [
      {
        provide: ApiClient,
        useValue: {
          request: async (method: string, url: string, body: unknown) => {
            sent.push({ method, url, body });
            return posted;
          },
          get: async (path: string) => {
            polled.push(path);
            return polls.shift();
          },
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(AdminEnrolmentsPage);
  const el = fixture.nativeElement as HTMLElement;
  return { fixture, el, sent, polled };
}

async function upload(
  fixture: ReturnType<typeof render>['fixture'],
  csv: string,
  partial: boolean,
): Promise<void> {
  const el = fixture.nativeElement as HTMLElement;
  await fixture.whenStable();
  const area = el.querySelector<HTMLTextAreaElement>('textarea[name=csv]')!;
  area.value = csv;
  area.dispatchEvent(new Event('input'));
  if (partial) el.querySelector<HTMLInputElement>('input[name=mode][value=partial]')!.click();
  await fixture.whenStable();
  el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await fixture.whenStable();
}

const CSV = 'teacher,cohort\naigul@mektep.kz,DEEPEN-1\nnobody@mektep.kz,DEEPEN-1\n';

describe('AdminEnrolmentsPage', () => {
  it('sends the CSV as text/csv with the partial flag and shows the per-row report', async () => {
    const { fixture, el, sent } = render(report({ problems }));
    await upload(fixture, CSV, true);
    expect(sent).toHaveLength(1);
    expect(sent[0].method).toBe('POST');
    expect(sent[0].url).toBe('/api/admin/enrollments/bulk?partial=true');
    expect(sent[0].body).toBeInstanceOf(RawBody);
    expect((sent[0].body as RawBody).type).toBe('text/csv');
    expect((sent[0].body as RawBody).data).toBe(CSV);

    await vi.waitFor(() => expect(el.querySelector('[data-testid=bulk-report]')).not.toBeNull());
    const reportEl = el.querySelector('[data-testid=bulk-report]')!;
    expect(reportEl.querySelector('.applied')?.textContent).toContain('Тіркелді: 1 / 3 жол.');
    const row = el.querySelector('tr[data-line="3"]')!;
    expect(row.textContent).toContain('nobody@mektep.kz');
    expect(row.textContent).toContain('Мұндай e-mail немесе ЖСН бар тіркелгі табылмады.');
    expect(el.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('is all-or-nothing unless the admin chooses otherwise, and says nothing was applied', async () => {
    const { fixture, el, sent } = render(
      report({ mode: 'all-or-nothing', applied: 0, problems: problems.slice(0, 1) }),
    );
    await upload(fixture, CSV, false);
    expect(sent[0].url).toBe('/api/admin/enrollments/bulk?partial=false');
    await vi.waitFor(() => expect(el.querySelector('.report .q-warn')).not.toBeNull());
    expect(el.querySelector('.report .q-warn')?.textContent).toContain('ешкім тіркелмеді');
  });

  it('follows a queued (202) file every second until it is done, then shows its report', async () => {
    const queued = report({ status: 'queued', processed: 0, applied: 0, total: 5000 });
    const { fixture, el, polled } = render(queued, [
      report({ status: 'running', processed: 2500, applied: 0, total: 5000 }),
      report({ total: 5000, applied: 4998, problems, moreProblems: 1200 }),
    ]);
    await upload(fixture, CSV, true);
    await fixture.whenStable();
    expect(el.querySelector('[role=status]')?.textContent).toContain('кезекке қойылды');
    await vi.waitFor(
      async () => {
        await fixture.whenStable();
        expect(el.querySelector('[role=status]')?.textContent).toMatch(/2\s500 \/ 5\s000/);
      },
      { timeout: 3000 },
    );
    await vi.waitFor(
      async () => {
        await fixture.whenStable();
        expect(el.querySelector('[data-testid=bulk-report]')).not.toBeNull();
      },
      { timeout: 3000 },
    );
    expect(polled).toEqual([
      `/api/admin/enrollments/bulk/${queued.id}`,
      `/api/admin/enrollments/bulk/${queued.id}`,
    ]);
    expect(el.querySelector('.applied')?.textContent).toMatch(/4\s998 \/ 5\s000/);
    expect(el.querySelector('tr[data-line="4"]')?.textContent).toContain('NOPE');
    expect(el.querySelector('.more')?.textContent).toMatch(/1\s200/);
  });

  it('stops asking when the admin leaves the page', async () => {
    const queued = report({ status: 'queued', processed: 0 });
    const { fixture, polled } = render(queued, [queued, queued, queued]);
    await upload(fixture, CSV, true);
    fixture.destroy();
    await new Promise((r) => setTimeout(r, 1300));
    expect(polled).toEqual([]);
  });

  it('reads a chosen file; one too large to show is sent as it is, named instead', async () => {
    const { fixture, el, sent } = render(report());
    await fixture.whenStable();
    const input = el.querySelector<HTMLInputElement>('input[name=file]')!;
    const choose = async (name: string, text: string, rows: RegExp) => {
      // jsdom's File has no text(): a stand-in with the one method the page uses.
      Object.defineProperty(input, 'files', {
        configurable: true,
        value: [{ name, text: async () => text }],
      });
      input.dispatchEvent(new Event('change'));
      await vi.waitFor(async () => {
        await fixture.whenStable();
        expect(el.querySelector('.upload')?.textContent).toMatch(rows);
      });
    };
    await choose('small.csv', CSV, /Жол саны: 2/);
    expect(el.querySelector<HTMLTextAreaElement>('textarea[name=csv]')!.value).toBe(CSV);

    const big =
      'teacher,cohort\n' +
      Array.from({ length: 10_000 }, (_, i) => `t${i}@mektep.kz,C-1`).join('\n');
    await choose('big.csv', big, /Жол саны: 10\s000/);
    expect(el.querySelector<HTMLTextAreaElement>('textarea[name=csv]')!.value).toBe('');
    expect(el.querySelector('.chosen')?.textContent).toContain('big.csv');
    el.querySelector<HTMLButtonElement>('form.upload button[type=submit]')!.click();
    await fixture.whenStable();
    expect((sent[0].body as RawBody).data).toBe(big);
  });

  it('refuses to send an empty file and says why', async () => {
    const { fixture, el, sent } = render(report());
    await upload(fixture, 'teacher,cohort\n', true);
    expect(sent).toEqual([]);
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Алдымен файлды таңдаңыз');
  });

  it('offers the problems as a CSV that can be fixed and uploaded again', async () => {
    const made: Blob[] = [];
    const create = vi.fn((b: Blob) => {
      made.push(b);
      return 'blob:problems';
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: () => undefined });
    // jsdom cannot follow a blob: link; record the download it would start instead.
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    const { fixture, el } = render(report({ problems }));
    await upload(fixture, CSV, true);
    await vi.waitFor(() => expect(el.querySelector('[data-testid=bulk-report]')).not.toBeNull());
    const button = [...el.querySelectorAll<HTMLButtonElement>('.report button')].find((b) =>
      b.textContent?.includes('CSV'),
    )!;
    button.click();
    click.mockRestore();
    expect(made).toHaveLength(1);
    expect(names).toEqual([expect.stringMatching(/^qadam-enrolment-problems-.+\.csv$/)]);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(made[0]);
    });
    expect(text.replace(/^\uFEFF/, '').split('\n')).toEqual([
      'teacher,cohort,line,problem',
      'nobody@mektep.kz,DEEPEN-1,3,Мұндай e-mail немесе ЖСН бар тіркелгі табылмады.',
      'aigul@mektep.kz,NOPE,4,«NOPE» коды бар топ (немесе МАОК) табылмады.',
      '',
    ]);
  });
});

describe('toCsv', () => {
  it('quotes values holding separators, quotes or line breaks', () => {
    expect(toCsv([['a,b', 'say "hi"', 'x;y', 'plain', 'two\nlines']])).toBe(
      '"a,b","say ""hi""","x;y",plain,"two\nlines"\n',
    );
  });
});
