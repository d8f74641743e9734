import { BullModule } from '@nestjs/bullmq';
import { Module, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { RouteAccessCheck } from './common/access/route-access.check';
import { ApiExceptionFilter } from './common/errors/api-exception.filter';
import { validationExceptionFactory } from './common/validation/validation-errors';
import type { Env } from './config/env';
import { CoreModule } from './core.module';
import { CoursesModule } from './courses/courses.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { HealthModule } from './health/health.module';
import { LadderModule } from './ladder/ladder.module';
import { redisOptionsFromUrl } from './redis/redis.module';
import { ReferenceModule } from './reference/reference.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    CoreModule,
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) => ({
        connection: redisOptionsFromUrl(config.get('REDIS_URL', { infer: true })),
        prefix: `${config.get('REDIS_KEY_PREFIX', { infer: true })}:bull`,
      }),
    }),
    DiscoveryModule,
    UsersModule,
    AuthModule,
    ReferenceModule,
    LadderModule,
    CoursesModule,
    EnrollmentsModule,
    AssessmentsModule,
    HealthModule,
  ],
  providers: [
    RouteAccessCheck,
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        exceptionFactory: validationExceptionFactory,
      }),
    },
  ],
})
export class AppModule {}
