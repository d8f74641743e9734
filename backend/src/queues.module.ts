import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from './config/env';
import { redisOptionsFromUrl } from './redis/redis.module';

/** BullMQ's connection and key prefix, shared by the API and the certificate worker. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) => ({
        connection: redisOptionsFromUrl(config.get('REDIS_URL', { infer: true })),
        prefix: `${config.get('REDIS_KEY_PREFIX', { infer: true })}:bull`,
      }),
    }),
  ],
})
export class QueuesModule {}
