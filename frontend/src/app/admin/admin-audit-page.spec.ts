import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AuditEntry, Page, UserProfile } from '@qadam/contracts';
import { ApiClient, ApiError } from '../core/api-client';
import { AdminAuditPage } from './admin-audit-page';

const ACTOR = 'a0000000-0000-4000-8000-000000000001';
const SAULE = 'a0000000-0000-4000-8000-000000000002';

const entries: AuditEntry[] = [
  {
    id: '42',
    actorId: ACTOR,
    action: 'user.roles.update',
    targetType: 'user',
    targetId: SAULE,
    before: { roles: ['teacher'] },
    after: { roles: ['author', 'teacher'] },
    requestId: 'req-7f3a',
    createdAt: '2026-11-20T10:15:30Z',
  },
  {
    id: '41',
    actorId: null,
    action: 'certificate.batch',
    targetType: 'certificate_batch',
    targetId: 'b1',
    before: null,
    after: { issued: 3 },
    requestId: null,
    createdAt: '2026-11-19T08:00:00Z',
  },
];

async function setup(
  answer: () => Page<AuditEntry> = () => ({
    items: entries,
    total: 2,
    page: 1,
    pageSize: 50,
  }),
) {
  localStorage.clear();
  const asked: Record<string, unknown>[] = [];
  const users: string[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'audit', component: AdminAuditPage }]),
      {
        provide: ApiClient,
        useValue: {
          get: async (path: string, params: Record<string, unknown>) => {
            if (path.startsWith('/api/admin/users/')) {
              users.push(path);
              return { fullName: 'Орлеу әкімшісі' } as UserProfile;
            }
            asked.push(params);
            return answer();
          },
        },
      },
    ],
  });
  const harness = await RouterTestingHarness.create();
  return { harness, asked, users };
}

async function shown(harness: RouterTestingHarness, url: string) {
  await harness.navigateByUrl(url, AdminAuditPage);
  const el = harness.routeNativeElement as HTMLElement;
  await vi.waitFor(async () => {
    await harness.fixture.whenStable();
    const said = el.querySelector('[role=status]')?.textContent?.trim();
    expect(said || el.querySelector('[role=alert]')).toBeTruthy();
  });
  return el;
}

const fill = (el: HTMLElement, name: string, value: string) => {
  const input = el.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

describe('AdminAuditPage', () => {
  it('reads its filters from the address, so a shared link shows the same entries', async () => {
    const { harness, asked } = await setup();
    const el = await shown(harness, '/audit?action=user.roles.update&from=2026-11-01&page=2');
    expect(asked).toEqual([
      { pageSize: 50, action: 'user.roles.update', from: '2026-11-01', page: 2 },
    ]);
    expect(el.querySelector<HTMLInputElement>('input[name=action]')!.value).toBe(
      'user.roles.update',
    );
    expect(el.querySelector<HTMLInputElement>('input[name=from]')!.value).toBe('2026-11-01');
  });

  it('puts the chosen filters in the address, leaving out empty ones, from page 1', async () => {
    const { harness, asked } = await setup();
    const el = await shown(harness, '/audit?page=3');
    fill(el, 'action', ' user.roles.update ');
    fill(el, 'targetId', SAULE);
    fill(el, 'from', '2026-11-01');
    fill(el, 'to', '2026-11-30');
    el.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    const url = TestBed.inject(Router).url;
    const params = new URL(url, 'http://x').searchParams;
    expect(Object.fromEntries(params)).toEqual({
      action: 'user.roles.update',
      targetId: SAULE,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(asked[1]).toEqual({
      pageSize: 50,
      page: 1,
      action: 'user.roles.update',
      targetId: SAULE,
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });

  it('lists entries newest first with actor names, and expands a row to its before and after', async () => {
    const { harness, users } = await setup();
    const el = await shown(harness, '/audit');
    const rows = el.querySelectorAll('tbody tr[data-action]');
    expect([...rows].map((r) => r.getAttribute('data-action'))).toEqual([
      'user.roles.update',
      'certificate.batch',
    ]);
    await vi.waitFor(async () => {
      await harness.fixture.whenStable();
      expect(rows[0].textContent).toContain('Орлеу әкімшісі');
    });
    expect(users).toEqual([`/api/admin/users/${ACTOR}`]);
    expect(rows[1].textContent).toContain('Жүйе');
    expect(el.querySelector('tr.details')).toBeNull();

    const toggle = rows[0].querySelector<HTMLButtonElement>('button')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await harness.fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = el.querySelector('tr.details')!;
    expect(details.id).toBe(toggle.getAttribute('aria-controls'));
    expect(details.querySelector('pre.before')?.textContent).toBe(
      JSON.stringify({ roles: ['teacher'] }, null, 2),
    );
    expect(details.querySelector('pre.after')?.textContent).toContain('"author"');
    toggle.click();
    await harness.fixture.whenStable();
    expect(el.querySelector('tr.details')).toBeNull();
  });

  it('shows why the API refused a filter', async () => {
    const { harness } = await setup(() => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Сұраныс қате.', {
        code: 'VALIDATION_FAILED',
        message: 'Сұраныс қате.',
        details: [{ field: 'actorId', problem: 'UUID болуы керек.' }],
      } as never);
    });
    const el = await shown(harness, '/audit?actorId=nope');
    expect(el.querySelector('[role=alert]')?.textContent).toContain('UUID болуы керек.');
  });
});
