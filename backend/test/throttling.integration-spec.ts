import { useTestApp } from './support/app';
import { createTeacher, GOOD_PASSWORD, uniqueEmail } from './support/factories';

// Low limits for this file only, so the test does not need hundreds of attempts.
const PER_ACCOUNT = 3;
const PER_IP = 6;

describe('login throttling', () => {
  const ctx = useTestApp({
    LOGIN_MAX_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
    LOGIN_MAX_FAILURES_PER_IP: String(PER_IP),
    LOGIN_THROTTLE_WINDOW_SECONDS: '600',
  });

  it('per account: 429 with Retry-After after repeated failures, even with the right password', async () => {
    const t = await createTeacher(ctx.app);
    for (let i = 0; i < PER_ACCOUNT; i++) {
      const res = await ctx.api.post(
        '/api/auth/login',
        { email: t.user.email, password: 'wrong password!' },
        { ip: `10.1.0.${i + 1}` },
      );
      expect(res.status).toBe(401);
    }
    const blocked = await ctx.api.post(
      '/api/auth/login',
      { email: t.user.email, password: t.password },
      { ip: '10.1.0.99', lang: 'ru' },
    );
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({
      statusCode: 429,
      code: 'TOO_MANY_ATTEMPTS',
      message: expect.stringMatching(/^Слишком много попыток входа\. Повторите через \d+ мин\.$/),
    });
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);

    // Other accounts are untouched.
    const other = await createTeacher(ctx.app);
    expect(
      (
        await ctx.api.post(
          '/api/auth/login',
          { email: other.user.email, password: other.password },
          { ip: '10.1.0.99' },
        )
      ).status,
    ).toBe(200);
  });

  it('a success clears the account counter', async () => {
    const t = await createTeacher(ctx.app);
    const ip = '10.2.0.1';
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < PER_ACCOUNT - 1; i++) {
        expect(
          (
            await ctx.api.post(
              '/api/auth/login',
              { email: t.user.email, password: 'wrong password!' },
              { ip: `10.2.${round}.${i + 2}` },
            )
          ).status,
        ).toBe(401);
      }
      expect(
        (
          await ctx.api.post(
            '/api/auth/login',
            { email: t.user.email, password: t.password },
            { ip },
          )
        ).status,
      ).toBe(200);
    }
  });

  it('per address: many failures across accounts from one address are throttled there only', async () => {
    const ip = '10.3.0.1';
    for (let i = 0; i < PER_IP; i++) {
      expect(
        (
          await ctx.api.post(
            '/api/auth/login',
            { email: uniqueEmail('spray'), password: GOOD_PASSWORD },
            { ip },
          )
        ).status,
      ).toBe(401);
    }
    const t = await createTeacher(ctx.app);
    const fromThere = await ctx.api.post(
      '/api/auth/login',
      { email: t.user.email, password: t.password },
      { ip },
    );
    expect(fromThere.status).toBe(429);
    expect(fromThere.headers['retry-after']).toBeDefined();
    const fromElsewhere = await ctx.api.post(
      '/api/auth/login',
      { email: t.user.email, password: t.password },
      { ip: '10.3.0.2' },
    );
    expect(fromElsewhere.status).toBe(200);
  });
});
