import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import type { Env } from '../config/env';
import { DomainError } from '../common/errors/domain-error';
import { REDIS } from '../redis/redis.module';

/**
 * Verification answers and signed status lists, kept in Redis so every API process shares them
 * and a revocation is seen by all at once (it deletes the entries). A Redis outage only costs
 * speed: reads fall through to the database.
 */
@Injectable()
export class CertificateCache {
  private readonly log = new Logger(CertificateCache.name);
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: ConfigService<Env, true>,
  ) {
    this.prefix = `${config.get('REDIS_KEY_PREFIX', { infer: true })}:cert`;
  }

  verifyKey = (id: string) => `${this.prefix}:verify:${id}`;
  statusListKey = (list: number) => `${this.prefix}:status-list:${list}`;

  async get<T>(key: string): Promise<T | undefined> {
    try {
      const raw = await this.redis.get(key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    } catch (e) {
      this.log.warn(`certificate cache unavailable: ${(e as Error).message}`);
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.redis
      .set(key, JSON.stringify(value), 'EX', ttlSeconds)
      .catch((e: Error) => this.log.warn(`certificate cache unavailable: ${e.message}`));
  }

  /**
   * Must not fail silently: a stale "valid" after a revocation would be a lie. With Redis away
   * the caller's change is refused (503) rather than made behind a cache that still says otherwise.
   */
  async drop(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.redis.del(...keys);
    } catch (e) {
      this.log.error(`could not clear cached certificate answers: ${(e as Error).message}`);
      throw new DomainError('SERVICE_UNAVAILABLE');
    }
  }
}
