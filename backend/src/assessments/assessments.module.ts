import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { AssessmentDefs } from './assessment-defs';
import { AttemptGrader } from './attempt-grader';
import { AttemptsController } from './attempts.controller';
import { AttemptsService } from './attempts.service';
import { BankImportService } from './bank-import.service';
import { BankPools } from './bank-pools';
import { BanksController } from './banks.controller';
import { BanksService } from './banks.service';
import {
  ATTEMPT_DEADLINES_QUEUE,
  DeadlineSweeper,
  DeadlineSweepScheduler,
} from './deadline-sweeper';
import { GradingController } from './grading.controller';
import { InterchangeController } from './interchange.controller';
import { GradingService } from './grading.service';

/** The assessment engine: banks and items, attempts, grading, interchange. */
@Module({
  imports: [EnrollmentsModule, BullModule.registerQueue({ name: ATTEMPT_DEADLINES_QUEUE })],
  controllers: [AttemptsController, BanksController, GradingController, InterchangeController],
  providers: [
    AssessmentDefs,
    AttemptGrader,
    AttemptsService,
    BankPools,
    BanksService,
    BankImportService,
    GradingService,
    DeadlineSweeper,
    DeadlineSweepScheduler,
  ],
})
export class AssessmentsModule {}
