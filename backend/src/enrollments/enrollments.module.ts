import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { LadderModule } from '../ladder/ladder.module';
import { AdminEnrollmentsController } from './admin-enrollments.controller';
import { BulkEnrollmentController } from './bulk-enrollment.controller';
import { BulkEnrollmentProcessor } from './bulk-enrollment.processor';
import { BULK_ENROLLMENT_QUEUE, BulkEnrollmentService } from './bulk-enrollment.service';
import { CohortSeats } from './cohort-seats';
import { CohortsService } from './cohorts.service';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsService } from './enrollments.service';
import { LadderView } from './ladder-view';

@Module({
  imports: [CoursesModule, LadderModule, BullModule.registerQueue({ name: BULK_ENROLLMENT_QUEUE })],
  controllers: [EnrollmentsController, AdminEnrollmentsController, BulkEnrollmentController],
  providers: [
    EnrollmentsService,
    CohortsService,
    CohortSeats,
    BulkEnrollmentService,
    BulkEnrollmentProcessor,
    LadderView,
  ],
  exports: [EnrollmentsService],
})
export class EnrollmentsModule {}
