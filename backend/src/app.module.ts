import { Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { RouteAccessCheck } from './common/access/route-access.check';
import { ApiExceptionFilter } from './common/errors/api-exception.filter';
import { validationExceptionFactory } from './common/validation/validation-errors';
import { CoreModule } from './core.module';
import { CoursesModule } from './courses/courses.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { CertificatesModule } from './certificates/certificates.module';
import { CompetenciesModule } from './competencies/competencies.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { HealthModule } from './health/health.module';
import { LadderModule } from './ladder/ladder.module';
import { QueuesModule } from './queues.module';
import { ReferenceModule } from './reference/reference.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    CoreModule,
    QueuesModule,
    DiscoveryModule,
    UsersModule,
    AuthModule,
    ReferenceModule,
    LadderModule,
    CoursesModule,
    EnrollmentsModule,
    AssessmentsModule,
    CertificatesModule,
    CompetenciesModule,
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
