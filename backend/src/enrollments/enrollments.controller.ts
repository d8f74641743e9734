import { Body, Controller, Get, HttpCode, Param, Post, Delete } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Cohort, EnrollmentSummary, Lang, MyEnrollment, MyLadder } from '@qadam/contracts';
import { AuthUser, CurrentUser, Public, Roles, SignedIn } from '../common/access/access.decorators';
import { ReaderLang } from '../common/i18n/reader-lang';
import { uuidParam } from '../common/http/uuid-param';
import { ApiErrors } from '../common/openapi/error-body';
import { CohortsService } from './cohorts.service';
import { EnrolDto } from './dto/cohort.dto';
import { EnrollmentsService } from './enrollments.service';
import { LadderView } from './ladder-view';

@ApiTags('enrolment')
@Controller()
export class EnrollmentsController {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly cohorts: CohortsService,
    private readonly ladder: LadderView,
  ) {}

  @Get('me/ladder')
  @SignedIn()
  @ApiOperation({
    summary:
      'My place on the ladder: each rung held, in progress, open or locked, with what is missing.',
  })
  @ApiErrors('UNAUTHENTICATED')
  myLadder(@CurrentUser() user: AuthUser, @ReaderLang() lang: Lang): Promise<MyLadder> {
    return this.ladder.of(user.id, lang);
  }

  @Post('courses/:slug/enrollments')
  @Roles('teacher')
  @ApiOperation({
    summary:
      'Enrol in a MOOC, or apply to a cohort of a cohort or profile course (passing the ladder gate).',
  })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'LADDER_PREREQUISITE',
    'ALREADY_ENROLLED',
    'COHORT_FULL',
    'COHORT_REQUIRED',
    'ENROLMENT_CLOSED',
  )
  enrol(
    @CurrentUser() user: AuthUser,
    @Param('slug') slug: string,
    @Body() dto: EnrolDto,
  ): Promise<EnrollmentSummary> {
    return this.enrollments.enrol(user.id, slug, dto.cohortId);
  }

  @Get('courses/:slug/cohorts')
  @Public()
  @ApiOperation({ summary: "A course's cohorts still taking applications, with seats left." })
  cohortsOf(@Param('slug') slug: string): Promise<Cohort[]> {
    return this.cohorts.open(slug);
  }

  @Post('courses/:slug/lessons/:lessonId/complete')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Mark a lesson done; returns the enrolment with its progress.' })
  @ApiErrors('UNAUTHENTICATED', 'NOT_ENROLLED', 'NOT_FOUND')
  complete(
    @CurrentUser() user: AuthUser,
    @Param('slug') slug: string,
    @Param('lessonId', uuidParam) lessonId: string,
  ): Promise<EnrollmentSummary> {
    return this.enrollments.completeLesson(user.id, slug, lessonId);
  }

  @Get('me/enrollments')
  @SignedIn()
  @ApiOperation({ summary: 'My enrolments and applications, with progress (0–1) and status.' })
  @ApiErrors('UNAUTHENTICATED')
  mine(@CurrentUser() user: AuthUser, @ReaderLang() lang: Lang): Promise<MyEnrollment[]> {
    return this.enrollments.mine(user.id, lang);
  }

  @Delete('me/enrollments/:id')
  @SignedIn()
  @ApiOperation({ summary: 'Leave a course or withdraw an application (progress is kept).' })
  @ApiErrors('UNAUTHENTICATED', 'NOT_FOUND', 'CANNOT_WITHDRAW')
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
  ): Promise<EnrollmentSummary> {
    return this.enrollments.withdraw(user.id, id);
  }
}
