import { AdminAccountsService } from '../src/auth/admin-accounts.service';
import { localiseDetails } from '../src/common/errors/api-exception.filter';
import { DomainError } from '../src/common/errors/domain-error';
import { useTestApp } from './support/app';
import { createTeacher, GOOD_PASSWORD, uniqueEmail } from './support/factories';

/** What `npm run admin:create` does, through the service it calls. */
describe('admin:create', () => {
  const ctx = useTestApp();
  let accounts: AdminAccountsService;
  beforeAll(() => {
    accounts = ctx.app.get(AdminAccountsService);
  });

  it('creates an admin who can sign in, recorded in the audit log', async () => {
    const email = uniqueEmail('root');
    const result = await accounts.ensureAdmin({
      email: ` ${email.toUpperCase()} `,
      fullName: 'Бас әкімші',
      password: GOOD_PASSWORD,
    });
    expect(result.created).toBe(true);
    expect(result.user).toMatchObject({ email, roles: ['admin'] });
    const login = await ctx.api.post('/api/auth/login', { email, password: GOOD_PASSWORD });
    expect(login.status).toBe(200);
    const audit = await ctx.api.get(
      `/api/admin/audit?action=user.admin.create&targetId=${result.user.id}`,
      { token: login.body.accessToken },
    );
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actorId: null,
        targetType: 'user',
        after: { email, roles: ['admin'] },
      }),
    ]);
  });

  it('applies the password policy: no weak admin passwords', async () => {
    const email = uniqueEmail('root');
    await expect(
      accounts.ensureAdmin({ email, fullName: 'Admin', password: 'admin12345' }),
    ).rejects.toEqual(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ field: 'password', rule: 'password.common' })],
      }),
    );
    const short = await accounts
      .ensureAdmin({ email, fullName: 'Admin' })
      .catch((e: DomainError) => e);
    expect(short).toBeInstanceOf(DomainError);
    // What the CLI prints: the limit filled in, no placeholder left.
    expect(localiseDetails((short as DomainError).details!, 'en')[0].problem).toBe(
      'The password must be at least 10 characters. Try a phrase of several words.',
    );
    expect(await accounts.exists(email)).toBe(false);
  });

  it('grants admin to an existing account without touching its password', async () => {
    const t = await createTeacher(ctx.app);
    expect(await accounts.exists(t.user.email)).toBe(true);
    const result = await accounts.ensureAdmin({ email: t.user.email, fullName: 'ignored' });
    expect(result).toMatchObject({
      created: false,
      user: { id: t.user.id, roles: ['admin', 'teacher'] },
    });
    const login = await ctx.api.post('/api/auth/login', {
      email: t.user.email,
      password: t.password,
    });
    expect(login.body.user.roles).toEqual(['admin', 'teacher']);
  });
});
