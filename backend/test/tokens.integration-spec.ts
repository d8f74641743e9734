import { JwtService } from '@nestjs/jwt';
import { useTestApp } from './support/app';
import { createTeacher } from './support/factories';

describe('tokens', () => {
  const ctx = useTestApp();

  it('a refresh token works once and yields a new pair', async () => {
    const t = await createTeacher(ctx.app);
    const first = await ctx.api.post('/api/auth/refresh', { refreshToken: t.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(t.refreshToken);
    expect(first.body.user.id).toBe(t.user.id);
    expect((await ctx.api.get('/api/me', { token: first.body.accessToken })).status).toBe(200);

    const second = await ctx.api.post('/api/auth/refresh', {
      refreshToken: first.body.refreshToken,
    });
    expect(second.status).toBe(200);
  });

  it('reusing a spent refresh token revokes the whole family, including its newest token', async () => {
    const t = await createTeacher(ctx.app);
    const rotated = await ctx.api.post('/api/auth/refresh', { refreshToken: t.refreshToken });
    expect(rotated.status).toBe(200);

    const replay = await ctx.api.post(
      '/api/auth/refresh',
      { refreshToken: t.refreshToken },
      { lang: 'en' },
    );
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({
      statusCode: 401,
      code: 'REFRESH_TOKEN_REUSED',
      message: expect.stringMatching(/all devices/),
    });

    // The legitimate holder's newest token is dead too: the thief and the owner both sign in again.
    const victim = await ctx.api.post('/api/auth/refresh', {
      refreshToken: rotated.body.refreshToken,
    });
    expect(victim.status).toBe(401);
    expect(victim.body.code).toBe('REFRESH_TOKEN_REUSED');
  });

  it('another session of the same user (another family) survives a replay elsewhere', async () => {
    const t = await createTeacher(ctx.app);
    const other = await ctx.api.post('/api/auth/login', {
      email: t.user.email,
      password: t.password,
    });
    await ctx.api.post('/api/auth/refresh', { refreshToken: t.refreshToken });
    await ctx.api.post('/api/auth/refresh', { refreshToken: t.refreshToken });
    expect(
      (await ctx.api.post('/api/auth/refresh', { refreshToken: other.body.refreshToken })).status,
    ).toBe(200);
  });

  it('two concurrent refreshes with one token: one succeeds, the family is then revoked', async () => {
    const t = await createTeacher(ctx.app);
    const results = await Promise.all(
      [0, 1].map(() => ctx.api.post('/api/auth/refresh', { refreshToken: t.refreshToken })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    const winner = results.find((r) => r.status === 200)!;
    expect(
      (await ctx.api.post('/api/auth/refresh', { refreshToken: winner.body.refreshToken })).status,
    ).toBe(401);
  });

  it('an unknown refresh token is 401 INVALID_REFRESH_TOKEN', async () => {
    const res = await ctx.api.post('/api/auth/refresh', { refreshToken: 'made-up-token' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_REFRESH_TOKEN');
  });

  it('logout ends the session', async () => {
    const t = await createTeacher(ctx.app);
    expect((await ctx.api.post('/api/auth/logout', { refreshToken: t.refreshToken })).status).toBe(
      204,
    );
    const res = await ctx.api.post('/api/auth/refresh', { refreshToken: t.refreshToken });
    expect(res.status).toBe(401);
  });

  describe('access tokens', () => {
    it('are required on signed-in routes: 401 with WWW-Authenticate', async () => {
      const res = await ctx.api.get('/api/me', { lang: 'kk' });
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.body).toMatchObject({
        statusCode: 401,
        code: 'UNAUTHENTICATED',
        message: 'Жүйеге кіріңіз немесе қайта кіріңіз.',
      });
    });

    it('are refused when expired, forged or malformed', async () => {
      const t = await createTeacher(ctx.app);
      const jwt = ctx.app.get(JwtService);
      const expired = await jwt.signAsync({ sub: t.user.id, roles: ['admin'] }, { expiresIn: -10 });
      const forged = await jwt.signAsync(
        { sub: t.user.id, roles: ['admin'] },
        { secret: 'x'.repeat(40) },
      );
      const [header, , sig] = t.accessToken.split('.');
      const tampered = [
        header,
        Buffer.from(JSON.stringify({ sub: t.user.id, roles: ['admin'] })).toString('base64url'),
        sig,
      ].join('.');
      for (const token of [expired, forged, tampered, 'garbage']) {
        const res = await ctx.api.get('/api/admin/users', { token });
        expect([token.slice(0, 12), res.status, res.body.code]).toEqual([
          token.slice(0, 12),
          401,
          'UNAUTHENTICATED',
        ]);
      }
    });

    it('are short-lived', async () => {
      const t = await createTeacher(ctx.app);
      const claims = ctx.app.get(JwtService).decode<{ iat: number; exp: number }>(t.accessToken);
      expect(claims.exp - claims.iat).toBe(900);
      expect(t.expiresIn).toBe(900);
    });
  });
});
