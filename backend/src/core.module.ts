import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { loggerParams } from './common/logging';
import { Env, validateEnv } from './config/env';
import { dataSourceOptions } from './database/database-options';
import { RedisModule } from './redis/redis.module';

/**
 * The infrastructure every process needs: validated configuration, logging, the database and
 * Redis, and the audit log. The API adds its capabilities and queues on top; the CLIs use this
 * alone, so they neither serve HTTP nor start queue workers.
 */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv }),
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) =>
        loggerParams({ LOG_LEVEL: config.get('LOG_LEVEL', { infer: true }) }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) =>
        dataSourceOptions({
          DATABASE_URL: config.get('DATABASE_URL', { infer: true }),
          DATABASE_POOL_SIZE: config.get('DATABASE_POOL_SIZE', { infer: true }),
        }),
    }),
    RedisModule,
    AuditModule,
  ],
})
export class CoreModule {}
