import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Cohort, LadderException, Page } from '@qadam/contracts';
import { AuthUser, CurrentUser, Roles } from '../common/access/access.decorators';
import { RequestId } from '../common/http/request-id';
import { uuidParam } from '../common/http/uuid-param';
import { ApiErrors } from '../common/openapi/error-body';
import { LadderService } from '../ladder/ladder.service';
import { Application, CohortsService } from './cohorts.service';
import {
  ApplicationsQueryDto,
  CohortQueryDto,
  CreateCohortDto,
  ExceptionQueryDto,
  GrantExceptionDto,
  RejectDto,
  UpdateCohortDto,
} from './dto/cohort.dto';

@ApiTags('admin')
@ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
@Controller('admin')
export class AdminEnrollmentsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly ladder: LadderService,
  ) {}

  @Post('cohorts')
  @Roles('admin')
  @ApiOperation({ summary: 'Open a cohort of a published cohort or profile course.' })
  @ApiErrors('VALIDATION_FAILED', 'COURSE_NOT_PUBLISHED', 'COHORT_CODE_TAKEN')
  create(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Body() dto: CreateCohortDto,
  ): Promise<Cohort> {
    return this.cohorts.create({ id: user.id, requestId }, dto);
  }

  @Get('cohorts')
  @Roles('admin')
  list(@Query() q: CohortQueryDto): Promise<Page<Cohort>> {
    return this.cohorts.list(q);
  }

  @Get('cohorts/:id')
  @Roles('admin')
  @ApiErrors('NOT_FOUND')
  get(@Param('id', uuidParam) id: string): Promise<Cohort> {
    return this.cohorts.get(id);
  }

  @Patch('cohorts/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change dates, window or seats; added seats go to the waitlist head.' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  update(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id', uuidParam) id: string,
    @Body() dto: UpdateCohortDto,
  ): Promise<Cohort> {
    return this.cohorts.update({ id: user.id, requestId }, id, dto);
  }

  @Get('cohorts/:id/enrollments')
  @Roles('admin')
  @ApiOperation({ summary: "A cohort's applications and members (pending first, then waitlist)." })
  @ApiErrors('NOT_FOUND')
  applications(
    @Param('id', uuidParam) id: string,
    @Query() q: ApplicationsQueryDto,
  ): Promise<Page<Application>> {
    return this.cohorts.applications(id, q);
  }

  @Post('cohorts/:id/migrate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: "Move a cohort to the course's current published version." })
  @ApiErrors('NOT_FOUND')
  migrate(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id', uuidParam) id: string,
  ): Promise<Cohort> {
    return this.cohorts.migrate({ id: user.id, requestId }, id);
  }

  @Post('courses/:slug/migrate-enrollments')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: "Move a MOOC's enrolled teachers to its current published version." })
  @ApiErrors('NOT_FOUND', 'COURSE_NOT_PUBLISHED')
  migrateCourse(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('slug') slug: string,
  ): Promise<{ moved: number; version: number }> {
    return this.cohorts.migrateCourse({ id: user.id, requestId }, slug);
  }

  @Post('enrollments/:id/approve')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Approve an application: a seat, or the waitlist when the cohort is full.',
  })
  @ApiErrors('NOT_FOUND', 'APPLICATION_DECIDED', 'COHORT_FULL', 'LADDER_PREREQUISITE')
  approve(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id', uuidParam) id: string,
  ): Promise<Application> {
    return this.cohorts.approve({ id: user.id, requestId }, id);
  }

  @Post('enrollments/:id/reject')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Reject an application with a reason the teacher will see.' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'APPLICATION_DECIDED')
  reject(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id', uuidParam) id: string,
    @Body() dto: RejectDto,
  ): Promise<Application> {
    return this.cohorts.reject({ id: user.id, requestId }, id, dto.reason);
  }

  @Post('ladder-exceptions')
  @Roles('admin')
  @ApiOperation({
    summary: 'Let one teacher into one course without the rung below, with a reason (audited).',
  })
  @ApiErrors('VALIDATION_FAILED')
  grant(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Body() dto: GrantExceptionDto,
  ): Promise<LadderException> {
    return this.ladder.grantException({ id: user.id, requestId }, dto);
  }

  @Get('ladder-exceptions')
  @Roles('admin')
  exceptions(@Query() q: ExceptionQueryDto): Promise<LadderException[]> {
    return this.ladder.listExceptions(q.userId);
  }
}
