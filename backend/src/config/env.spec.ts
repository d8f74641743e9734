import { InvalidEnvironmentError, validateEnv } from './env';

describe('validateEnv', () => {
  it('gives local defaults for an empty environment', () => {
    const env = validateEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.TRUST_PROXY).toBe(false);
  });

  it('converts numbers and booleans from strings', () => {
    const env = validateEnv({ PORT: '8080', TRUST_PROXY: 'true', JWT_ACCESS_TTL_SECONDS: '600' });
    expect(env).toMatchObject({ PORT: 8080, TRUST_PROXY: true, JWT_ACCESS_TTL_SECONDS: 600 });
  });

  it('treats an empty value as unset', () => {
    expect(validateEnv({ PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    ['PORT', 'not-a-port'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/qadam'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['PUBLIC_URL', 'localhost'],
    ['JWT_ACCESS_SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['REDIS_KEY_PREFIX', 'Has Spaces'],
  ])('names %s when it is %p', (name, value) => {
    expect(() => validateEnv({ [name]: value })).toThrow(InvalidEnvironmentError);
    expect(() => validateEnv({ [name]: value })).toThrow(new RegExp(`\\b${name}:`));
  });

  it('never echoes the bad value (it may be a secret)', () => {
    expect(() => validateEnv({ JWT_ACCESS_SECRET: 'hunter2-secret' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });

  it('refuses the development secret in production', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(/JWT_ACCESS_SECRET/);
    expect(
      validateEnv({
        NODE_ENV: 'production',
        JWT_ACCESS_SECRET: 'x'.repeat(48),
        CERT_SIGNING_KEY_FILE: '/run/secrets/issuer-key',
      }).NODE_ENV,
    ).toBe('production');
  });

  it('refuses to run production without the certificate signing key', () => {
    const prod = { NODE_ENV: 'production', JWT_ACCESS_SECRET: 'x'.repeat(48) };
    expect(() => validateEnv(prod)).toThrow(/CERT_SIGNING_KEY/);
    expect(validateEnv({ ...prod, CERT_SIGNING_KEY: 'z3u2' }).CERT_SIGNING_KEY).toBe('z3u2');
    // Outside production a development key is generated instead.
    expect(() => validateEnv({ NODE_ENV: 'development' })).not.toThrow();
  });
});
