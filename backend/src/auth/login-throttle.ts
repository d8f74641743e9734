import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Env } from '../config/env';
import { DomainError } from '../common/errors/domain-error';
import { REDIS } from '../redis/redis.module';

/**
 * Counts failed sign-ins per account and per client address in Redis (shared by every API
 * instance). An account is throttled after a few failures (guessing one password); an address
 * only after many (a whole school may sign in through one NAT address on an exam day).
 * A success clears the account's count.
 */
@Injectable()
export class LoginThrottle {
  private readonly byAccount: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: ConfigService<Env, true>) {
    const prefix = config.get('REDIS_KEY_PREFIX', { infer: true });
    const duration = config.get('LOGIN_THROTTLE_WINDOW_SECONDS', { infer: true });
    const make = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}:login-fail:${name}`,
        points,
        duration,
        blockDuration: duration,
        // If Redis is away, keep throttling per process rather than not at all.
        insuranceLimiter: new RateLimiterMemory({ points, duration, blockDuration: duration }),
      });
    this.byAccount = make('account', config.get('LOGIN_MAX_FAILURES_PER_ACCOUNT', { infer: true }));
    this.byIp = make('ip', config.get('LOGIN_MAX_FAILURES_PER_IP', { infer: true }));
  }

  /** Throws 429 TOO_MANY_ATTEMPTS (with Retry-After) when either counter is spent. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.byAccount.get(email), this.byIp.get(ip)]);
    const waitMs = Math.max(
      this.spentFor(account, this.byAccount.points),
      this.spentFor(address, this.byIp.points),
    );
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new DomainError('TOO_MANY_ATTEMPTS', { minutes: Math.ceil(seconds / 60) }, undefined, {
        'Retry-After': String(seconds),
      });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    // consume() rejects once a counter is spent; that is expected here, the next call will 429.
    await Promise.allSettled([this.byAccount.consume(email), this.byIp.consume(ip)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(email);
  }

  private spentFor(res: RateLimiterRes | null, points: number): number {
    return res && res.consumedPoints >= points ? Math.max(res.msBeforeNext, 1000) : 0;
  }
}
