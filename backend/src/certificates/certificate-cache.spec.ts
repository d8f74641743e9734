import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { DomainError } from '../common/errors/domain-error';
import { validateEnv } from '../config/env';
import { CertificateCache } from './certificate-cache';

describe('CertificateCache with Redis away', () => {
  // Nothing listens on port 1: every command fails at once.
  const redis = new Redis({
    port: 1,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  const cache = new CertificateCache(
    redis,
    new ConfigService(validateEnv({}) as unknown as Record<string, unknown>),
  );
  afterAll(() => redis.disconnect());

  it('reads through (no answer cached) instead of failing a verification', async () => {
    await expect(cache.get('x')).resolves.toBeUndefined();
    await expect(cache.set('x', { valid: true }, 60)).resolves.toBeUndefined();
  });

  it('refuses a revocation with 503 rather than leave a stale "valid" behind', async () => {
    const err = await cache.drop(cache.verifyKey('id')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('SERVICE_UNAVAILABLE');
  });
});
