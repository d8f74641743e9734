import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorResult,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../common/access/access.decorators';
import { DomainError } from '../common/errors/domain-error';
import { RedisHealthIndicator } from './redis.health';

const TIMEOUT_MS = 1500;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Liveness and readiness: 200 when PostgreSQL and Redis answer, else 503 naming the one that does not.',
  })
  async check() {
    try {
      return await this.health.check([
        () => this.db.pingCheck('database', { timeout: TIMEOUT_MS }),
        () => this.redis.pingCheck('redis', TIMEOUT_MS),
      ]);
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      // Re-shaped into the API's error body, one detail per dependency that is down.
      const failed = (e.getResponse() as { error?: HealthIndicatorResult }).error ?? {};
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        {},
        Object.keys(failed).map((field) => ({ field, rule: 'service.down' })),
      );
    }
  }
}
