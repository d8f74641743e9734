import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AGGREGATES_QUEUE, AggregatesRefresher, AggregatesService } from './aggregates';
import { CompetenciesController } from './competencies.controller';
import { CompetenciesService } from './competencies.service';
import { ProfileService } from './profile.service';
import { TrajectoryService } from './trajectory.service';

/**
 * Competency frameworks as data (UNESCO AI CFT, ISTE…), the crosswalk between them, and the
 * evidence teachers earn: written by the assessments (sections, rubrics), the certificate worker
 * and admins; read as profiles and, for monitoring, as materialised aggregates.
 */
@Module({
  imports: [BullModule.registerQueue({ name: AGGREGATES_QUEUE })],
  controllers: [CompetenciesController],
  providers: [
    CompetenciesService,
    ProfileService,
    AggregatesService,
    AggregatesRefresher,
    TrajectoryService,
  ],
})
export class CompetenciesModule {}
