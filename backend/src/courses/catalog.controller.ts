import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CourseDetail, CourseSummary, Lang, LessonView, Page } from '@qadam/contracts';
import {
  AuthUser,
  CurrentUser,
  OptionalUser,
  Public,
  SignedIn,
} from '../common/access/access.decorators';
import { ReaderLang } from '../common/i18n/reader-lang';
import { uuidParam } from '../common/http/uuid-param';
import { ApiErrors } from '../common/openapi/error-body';
import { CatalogService } from './catalog.service';
import { CatalogQueryDto, LangQuery } from './dto/catalog-query.dto';

@ApiTags('catalog')
@Controller('courses')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Published courses: filter by level, language and kind; search titles and descriptions.',
  })
  @ApiErrors('VALIDATION_FAILED')
  list(@Query() q: CatalogQueryDto, @ReaderLang() lang: Lang): Promise<Page<CourseSummary>> {
    return this.catalog.list(q, lang);
  }

  @Get(':slug')
  @Public()
  @ApiOperation({
    summary:
      "A course's outline: the published version, or an enrolled teacher's own version with progress.",
  })
  @ApiErrors('NOT_FOUND')
  detail(
    @Param('slug') slug: string,
    @Query() q: LangQuery,
    @ReaderLang() lang: Lang,
    @OptionalUser() user: AuthUser | null,
  ): Promise<CourseDetail> {
    return this.catalog.detail(slug, q.lang ?? lang, user?.id ?? null);
  }

  @Get(':slug/lessons/:lessonId')
  @SignedIn()
  @ApiOperation({ summary: 'A lesson with its sanitised HTML body: for enrolled teachers.' })
  @ApiErrors('UNAUTHENTICATED', 'NOT_ENROLLED', 'NOT_FOUND')
  lesson(
    @Param('slug') slug: string,
    @Param('lessonId', uuidParam) lessonId: string,
    @Query() q: LangQuery,
    @ReaderLang() lang: Lang,
    @CurrentUser() user: AuthUser,
  ): Promise<LessonView> {
    return this.catalog.lesson(slug, lessonId, q.lang ?? lang, user.id);
  }
}
