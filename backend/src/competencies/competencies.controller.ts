import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AdminEvidenceRecord,
  CompetencyAggregatesView,
  CompetencyDetail,
  CompetencyProfile,
  CrosswalkLink,
  FrameworkSummary,
  FrameworkView,
  Recommendation,
  TrajectoryRuleView,
} from '@qadam/contracts';
import { AuthUser, CurrentUser, Public, Roles, SignedIn } from '../common/access/access.decorators';
import { RequestId } from '../common/http/request-id';
import { uuidParam } from '../common/http/uuid-param';
import { ApiErrors } from '../common/openapi/error-body';
import { AggregatesService } from './aggregates';
import { CompetenciesService } from './competencies.service';
import { ReasonDto } from '../common/dto/reason.dto';
import {
  CrosswalkQueryDto,
  EvidenceQueryDto,
  DismissDto,
  MonitoringQueryDto,
  RulePatchDto,
  RecognitionDto,
} from './dto/competencies.dto';
import { ProfileService } from './profile.service';
import { TrajectoryService } from './trajectory.service';

/** Frameworks and the crosswalk (public), profiles, and admins' work on evidence. */
@ApiTags('competencies')
@Controller()
export class CompetenciesController {
  constructor(
    private readonly competencies: CompetenciesService,
    private readonly profiles: ProfileService,
    private readonly aggregates: AggregatesService,
    private readonly trajectory: TrajectoryService,
  ) {}

  @Get('frameworks')
  @Public()
  @ApiOperation({ summary: 'The competency frameworks Qadam knows.' })
  frameworks(): Promise<FrameworkSummary[]> {
    return this.competencies.frameworks();
  }

  @Get('frameworks/:code')
  @Public()
  @ApiOperation({ summary: "A framework with its competencies, in the publisher's order." })
  @ApiErrors('NOT_FOUND')
  framework(@Param('code') code: string): Promise<FrameworkView> {
    return this.competencies.framework(code);
  }

  @Get('competencies/:code')
  @Public()
  @ApiOperation({ summary: 'A competency and its crosswalk links, both ways, with notes.' })
  @ApiErrors('NOT_FOUND')
  competency(@Param('code') code: string): Promise<CompetencyDetail> {
    return this.competencies.competency(code);
  }

  @Get('crosswalk')
  @Public()
  @ApiOperation({ summary: 'Every link between two frameworks, read in the direction asked.' })
  @ApiErrors('VALIDATION_FAILED')
  crosswalk(@Query() q: CrosswalkQueryDto): Promise<CrosswalkLink[]> {
    return this.competencies.crosswalk(q.from, q.to);
  }

  @Get('me/competencies')
  @SignedIn()
  @ApiOperation({ summary: 'The UNESCO 5 × 3 matrix and the ISTE view, each with its evidence.' })
  @ApiErrors('UNAUTHENTICATED')
  mine(@CurrentUser() user: AuthUser): Promise<CompetencyProfile> {
    return this.profiles.profile(user.id);
  }

  @Get('admin/users/:id/competencies')
  @Roles('admin')
  @ApiOperation({ summary: "Any teacher's competency profile." })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  profileOf(@Param('id', uuidParam) id: string): Promise<CompetencyProfile> {
    return this.profiles.profile(id);
  }

  @Get('admin/monitoring/competencies')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Per region, school kind or subject: teachers, and how many have demonstrated each UNESCO block (refreshed in the background; `refreshedAt` says when).',
  })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED')
  monitoring(@Query() q: MonitoringQueryDto): Promise<CompetencyAggregatesView> {
    return this.aggregates.view(q.by);
  }

  @Get('trajectory/rules')
  @Public()
  @ApiOperation({
    summary: 'The rules the development trajectory applies: when, what, why, which data.',
  })
  trajectoryRules(): Promise<TrajectoryRuleView[]> {
    return this.trajectory.rules();
  }

  @Put('admin/trajectory/rules/:key')
  @Roles('admin')
  @ApiOperation({ summary: 'Switch a rule off or on, reorder or reword it. Audited.' })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  updateRule(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('key') key: string,
    @Body() dto: RulePatchDto,
  ): Promise<TrajectoryRuleView> {
    return this.trajectory.updateRule({ id: user.id, requestId }, key, dto);
  }

  @Get('me/recommendations')
  @SignedIn()
  @ApiOperation({ summary: 'What to take next, each with its rule, reasons and the data used.' })
  @ApiErrors('UNAUTHENTICATED')
  recommendations(@CurrentUser() user: AuthUser): Promise<Recommendation[]> {
    return this.trajectory.recommendations(user.id);
  }

  @Post('me/recommendations/dismiss')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a recommendation aside: it is not shown again.' })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED')
  async dismiss(@CurrentUser() user: AuthUser, @Body() dto: DismissDto): Promise<void> {
    await this.trajectory.dismiss(user.id, dto.id);
  }

  @Get('admin/users/:id/recommendations')
  @Roles('admin')
  @ApiOperation({ summary: "Any teacher's recommendations, as she sees them." })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  recommendationsOf(@Param('id', uuidParam) id: string): Promise<Recommendation[]> {
    return this.trajectory.recommendations(id);
  }

  @Post('admin/frameworks')
  @Roles('admin')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Add or update a framework (e.g. the national teacher standard) in the bundled format.',
  })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'FRAMEWORK_BUNDLED')
  saveFramework(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Body() body: unknown,
  ): Promise<FrameworkView> {
    return this.competencies.saveFramework({ id: user.id, requestId }, body);
  }

  @Get('admin/competency-evidence')
  @Roles('admin')
  @ApiOperation({ summary: "A teacher's evidence records, annulled ones on request." })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED')
  evidence(@Query() q: EvidenceQueryDto): Promise<AdminEvidenceRecord[]> {
    return this.competencies.evidenceOf(q.userId, q.includeAnnulled ?? false);
  }

  @Post('admin/competency-evidence')
  @Roles('admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a recognition of prior learning, with a reason. Audited.' })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND')
  recognise(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Body() dto: RecognitionDto,
  ): Promise<AdminEvidenceRecord> {
    return this.competencies.recognise({ id: user.id, requestId }, dto);
  }

  @Post('admin/competency-evidence/:id/annul')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Annul a record, with a reason; profiles leave it out at once. Audited.',
  })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'NOT_FOUND', 'EVIDENCE_ANNULLED')
  annul(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id', uuidParam) id: string,
    @Body() dto: ReasonDto,
  ): Promise<AdminEvidenceRecord> {
    return this.competencies.annul({ id: user.id, requestId }, id, dto.reason);
  }
}
