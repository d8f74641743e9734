import { Module } from '@nestjs/common';
import { AuthoringController } from './authoring.controller';
import { AuthoringService } from './authoring.service';
import { CatalogCache } from './catalog-cache';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { PackageUploadService } from './package-upload.service';
import { CourseImportService } from './course-import.service';
import { ProgramsController } from './programs.controller';
import { PublishingService } from './publishing.service';

@Module({
  controllers: [CatalogController, AuthoringController, ProgramsController],
  providers: [
    CatalogService,
    CatalogCache,
    AuthoringService,
    PublishingService,
    CourseImportService,
    PackageUploadService,
  ],
  exports: [CatalogService, CourseImportService],
})
export class CoursesModule {}
