import { Module } from '@nestjs/common';
import { CompetenciesController } from './competencies.controller';
import { CompetenciesService } from './competencies.service';
import { ProfileService } from './profile.service';

/**
 * Competency frameworks as data (UNESCO AI CFT, ISTE…), the crosswalk between them, and the
 * evidence teachers earn: written by the assessments (sections, rubrics), the certificate worker
 * and admins; read as profiles.
 */
@Module({
  controllers: [CompetenciesController],
  providers: [CompetenciesService, ProfileService],
})
export class CompetenciesModule {}
