import { TestBed } from '@angular/core/testing';
import type { Page, ReferenceData, Role, UserProfile } from '@qadam/contracts';
import { ApiClient, ApiError } from '../core/api-client';
import { Session } from '../core/session';
import { AdminUsersPage } from './admin-users-page';

const user = (id: string, email: string, fullName: string, roles: Role[]): UserProfile => ({
  id,
  email,
  fullName,
  iin: null,
  region: 'almaty-region',
  school: null,
  schoolKind: null,
  subjects: [],
  grades: [],
  language: 'kk',
  roles,
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
});

const ADMIN = user('a0000000-0000-4000-8000-000000000001', 'admin@orleu.kz', 'Орлеу әкімшісі', [
  'admin',
]);
const SAULE = user('a0000000-0000-4000-8000-000000000002', 'saule@mektep.kz', 'Сәуле Нұрланқызы', [
  'teacher',
]);

const reference = {
  regions: [{ code: 'almaty-region', kind: 'region', name: { kk: 'Алматы облысы' } }],
} as unknown as ReferenceData;

async function render(put: (url: string, body: { roles: Role[] }) => UserProfile) {
  localStorage.clear();
  const listed: Record<string, unknown>[] = [];
  const sent: { method: string; url: string; body: { roles: Role[] } }[] = [];
  TestBed.configureTestingModule({
    providers: [
      {
        provide: ApiClient,
        useValue: {
          get: async (_path: string, params: Record<string, unknown>) => {
            listed.push(params);
            return { items: [ADMIN, SAULE], total: 2, page: 1, pageSize: 25 } as Page<UserProfile>;
          },
          request: async (method: string, url: string, body: { roles: Role[] }) => {
            sent.push({ method, url, body });
            return put(url, body);
          },
          reference: async () => reference,
        },
      },
    ],
  });
  TestBed.inject(Session).start({ user: ADMIN, accessToken: 'a', refreshToken: 'r' });
  const fixture = TestBed.createComponent(AdminUsersPage);
  const el = fixture.nativeElement as HTMLElement;
  await vi.waitFor(async () => {
    await fixture.whenStable();
    expect(el.querySelectorAll('tbody tr')).toHaveLength(2);
  });
  return { fixture, el, listed, sent };
}

const row = (el: HTMLElement, email: string) =>
  el.querySelector<HTMLTableRowElement>(`tr[data-email="${email}"]`)!;

async function editRoles(
  fixture: Awaited<ReturnType<typeof render>>['fixture'],
  email: string,
  toggle: Role[],
) {
  const el = fixture.nativeElement as HTMLElement;
  row(el, email).querySelector('button')!.click();
  await fixture.whenStable();
  for (const r of toggle)
    el.querySelector<HTMLInputElement>(`.editor input[name=roles][value=${r}]`)!.click();
  await fixture.whenStable();
  el.querySelector<HTMLButtonElement>('.editor button[type=submit]')!.click();
}

describe('AdminUsersPage', () => {
  it('lists accounts with their region by name and their roles translated', async () => {
    const { el } = await render(() => SAULE);
    const saule = row(el, 'saule@mektep.kz');
    expect(saule.textContent).toContain('Сәуле Нұрланқызы');
    expect(saule.textContent).toContain('Алматы облысы');
    expect(saule.querySelector('.roles')?.textContent).toBe('Педагог');
    expect(row(el, 'admin@orleu.kz').textContent).toContain('(сіз)');
  });

  it('searches by text and role, from the first page', async () => {
    const { fixture, el, listed } = await render(() => SAULE);
    const q = el.querySelector<HTMLInputElement>('input[name=q]')!;
    q.value = ' Сәуле ';
    q.dispatchEvent(new Event('input'));
    const role = el.querySelector<HTMLSelectElement>('select[name=role]')!;
    role.value = 'teacher';
    role.dispatchEvent(new Event('change'));
    el.querySelector<HTMLButtonElement>('form[role=search] button[type=submit]')!.click();
    await fixture.whenStable();
    expect(listed.at(-1)).toEqual({ q: 'Сәуле', role: 'teacher', page: 1, pageSize: 25 });
  });

  it('saves the chosen roles, says the account is signed out, and shows them in the list', async () => {
    const { fixture, el, sent } = await render((_url, body) => ({ ...SAULE, roles: body.roles }));
    row(el, 'saule@mektep.kz').querySelector('button')!.click();
    await fixture.whenStable();
    expect(el.querySelector('.editor .note')?.textContent).toContain('жүйеден шығарылады');
    await editRoles(fixture, 'saule@mektep.kz', ['author']);
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(el.querySelector('.editor')).toBeNull();
    });
    expect(sent).toEqual([
      {
        method: 'PUT',
        url: `/api/admin/users/${SAULE.id}/roles`,
        body: { roles: ['teacher', 'author'] },
      },
    ]);
    expect(row(el, 'saule@mektep.kz').querySelector('.roles')?.textContent).toBe('Педагог, Автор');
    expect(el.querySelector('[role=status] .saved')?.textContent).toContain('рөлдері сақталды');
  });

  it('shows CANNOT_REMOVE_OWN_ADMIN as the API words it, keeping the form open', async () => {
    const { fixture, el, sent } = await render(() => {
      throw new ApiError(
        409,
        'CANNOT_REMOVE_OWN_ADMIN',
        'Өз тіркелгіңізден әкімші рөлін алып тастай алмайсыз.',
      );
    });
    await editRoles(fixture, 'admin@orleu.kz', ['teacher', 'admin']);
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(el.querySelector('.editor [role=alert]')?.textContent).toContain(
        'Өз тіркелгіңізден әкімші рөлін алып тастай алмайсыз.',
      );
    });
    expect(sent[0].body).toEqual({ roles: ['teacher'] });
    expect(row(el, 'admin@orleu.kz').querySelector('.roles')?.textContent).toBe('Әкімші');
  });

  it('will not save an account with no role at all', async () => {
    const { fixture, el } = await render(() => SAULE);
    row(el, 'saule@mektep.kz').querySelector('button')!.click();
    await fixture.whenStable();
    el.querySelector<HTMLInputElement>('.editor input[value=teacher]')!.click();
    await fixture.whenStable();
    expect(el.querySelector<HTMLButtonElement>('.editor button[type=submit]')!.disabled).toBe(true);
    expect(el.querySelector('.editor')?.textContent).toContain('Кемінде бір рөл таңдаңыз.');
  });
});
