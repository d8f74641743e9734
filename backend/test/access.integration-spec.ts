import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { listRoutes } from '../src/common/access/route-access';
import { useTestApp } from './support/app';
import { createAdmin, createTeacher } from './support/factories';

describe('roles and access', () => {
  const ctx = useTestApp();

  it('every route declares who may call it', () => {
    const routes = listRoutes(
      ctx.app.get(DiscoveryService),
      ctx.app.get(MetadataScanner),
      ctx.app.get(Reflector),
    );
    expect(routes.length).toBeGreaterThan(8);
    expect(routes.filter((r) => !r.access).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    // The admin surface is admin-only, whatever else is added later.
    const adminRoutes = routes.filter((r) => r.path.startsWith('/admin'));
    expect(adminRoutes.length).toBeGreaterThan(0);
    for (const r of adminRoutes)
      expect([r.path, r.access]).toEqual([r.path, { kind: 'roles', roles: ['admin'] }]);
  });

  it('a teacher calling an admin route gets 403 FORBIDDEN in the API body', async () => {
    const t = await createTeacher(ctx.app);
    for (const [method, url, body] of [
      ['GET', '/api/admin/users', undefined],
      ['GET', '/api/admin/audit', undefined],
      ['PUT', `/api/admin/users/${t.user.id}/roles`, { roles: ['teacher', 'admin'] }],
    ] as const) {
      const res = await ctx.api.raw(method, url, body, { token: t.accessToken, lang: 'en' });
      expect([url, res.status, res.body]).toEqual([
        url,
        403,
        expect.objectContaining({
          statusCode: 403,
          code: 'FORBIDDEN',
          message: 'You do not have permission to do this.',
        }),
      ]);
    }
    const me = await ctx.api.get('/api/me', { token: t.accessToken });
    expect(me.body.roles).toEqual(['teacher']);
  });

  it('unknown routes are 404 in the API body', async () => {
    const res = await ctx.api.get('/api/no-such-thing', { lang: 'ru' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Запрошенный объект не найден.',
    });
  });

  describe('admin', () => {
    it('finds accounts by name, e-mail or role', async () => {
      const admin = await createAdmin(ctx.app);
      const t = await createTeacher(ctx.app, { fullName: 'Бекмұхамбетова Гүлназ' });
      const byName = await ctx.api.get(`/api/admin/users?q=${encodeURIComponent('мұхамбет')}`, {
        token: admin.accessToken,
      });
      expect(byName.status).toBe(200);
      expect(byName.body).toMatchObject({ page: 1, pageSize: 50 });
      expect(byName.body.items.map((u: { id: string }) => u.id)).toContain(t.user.id);
      const byRole = await ctx.api.get('/api/admin/users?role=admin&pageSize=200', {
        token: admin.accessToken,
      });
      expect(byRole.body.items.every((u: { roles: string[] }) => u.roles.includes('admin'))).toBe(
        true,
      );
      expect(byRole.body.items.map((u: { id: string }) => u.id)).toContain(admin.user.id);
      const bad = await ctx.api.get('/api/admin/users?pageSize=1000&role=superuser', {
        token: admin.accessToken,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'pageSize',
        'role',
      ]);
    });

    it('changes roles: audited with before/after, and the old sessions end', async () => {
      const admin = await createAdmin(ctx.app);
      const t = await createTeacher(ctx.app);
      const res = await ctx.api.put(
        `/api/admin/users/${t.user.id}/roles`,
        { roles: ['teacher', 'author'] },
        { token: admin.accessToken, headers: { 'x-request-id': 'audit-test-1' } },
      );
      expect(res.status).toBe(200);
      expect(res.body.roles).toEqual(['author', 'teacher']);

      const audit = await ctx.api.get(`/api/admin/audit?targetType=user&targetId=${t.user.id}`, {
        token: admin.accessToken,
      });
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          actorId: admin.user.id,
          action: 'user.roles.update',
          targetType: 'user',
          targetId: t.user.id,
          before: { roles: ['teacher'] },
          after: { roles: ['author', 'teacher'] },
          requestId: 'audit-test-1',
        }),
      ]);
      // The teacher's refresh token was revoked: the next sign-in carries the new role.
      expect(
        (await ctx.api.post('/api/auth/refresh', { refreshToken: t.refreshToken })).status,
      ).toBe(401);
      const again = await ctx.api.post('/api/auth/login', {
        email: t.user.email,
        password: t.password,
      });
      expect(again.body.user.roles).toEqual(['author', 'teacher']);
    });

    it('the audit log filters by day, in Kazakhstan time, both ends included', async () => {
      const admin = await createAdmin(ctx.app);
      const t = await createTeacher(ctx.app);
      // 00:30 in Astana is still the previous day in UTC: the entry belongs to the Astana day.
      await ctx.app.get(DataSource).query(
        `INSERT INTO audit_log (actor_id, action, target_type, target_id, created_at)
           VALUES ($1, 'user.roles.update', 'user', $2, '2026-03-09T19:30:00Z')`,
        [admin.user.id, t.user.id],
      );
      const list = (range: string) =>
        ctx.api.get(`/api/admin/audit?targetId=${t.user.id}${range}`, {
          token: admin.accessToken,
        });
      const count = async (range: string) => (await list(range)).body.items?.length;
      expect(await count('&from=2026-03-10&to=2026-03-10')).toBe(1);
      expect(await count('&from=2026-03-10')).toBe(1);
      expect(await count('&to=2026-03-09')).toBe(0);
      expect(await count('&from=2026-03-11')).toBe(0);
      const bad = await list('&from=10.03.2026');
      expect(bad.status).toBe(400);
      expect(bad.body.details[0]).toMatchObject({ field: 'from' });
    });

    it('an admin cannot remove their own admin role', async () => {
      const admin = await createAdmin(ctx.app);
      const res = await ctx.api.put(
        `/api/admin/users/${admin.user.id}/roles`,
        { roles: ['teacher'] },
        { token: admin.accessToken },
      );
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CANNOT_REMOVE_OWN_ADMIN');
    });

    it('unknown or malformed user ids are 404; bad roles are 400', async () => {
      const admin = await createAdmin(ctx.app);
      expect(
        (
          await ctx.api.get('/api/admin/users/00000000-0000-4000-8000-000000000000', {
            token: admin.accessToken,
          })
        ).status,
      ).toBe(404);
      expect(
        (await ctx.api.get('/api/admin/users/not-a-uuid', { token: admin.accessToken })).body,
      ).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      const bad = await ctx.api.put(
        `/api/admin/users/${admin.user.id}/roles`,
        { roles: ['root'] },
        { token: admin.accessToken },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.details[0]).toMatchObject({ field: 'roles', rule: 'isIn' });
    });
  });

  describe('audit log', () => {
    it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
      const db = ctx.app.get(DataSource);
      await db.query(`INSERT INTO audit_log (action, target_type) VALUES ('test.append', 'test')`);
      await expect(db.query(`UPDATE audit_log SET action = 'rewritten'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
      const rows = await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.append'`,
      );
      expect(rows[0].n).toBe(1);
    });
  });
});
