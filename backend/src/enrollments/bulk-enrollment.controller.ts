import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { BulkEnrollmentReport, Lang } from '@qadam/contracts';
import { AuthUser, CurrentUser, Roles } from '../common/access/access.decorators';
import { RequestId } from '../common/http/request-id';
import { ReaderLang } from '../common/i18n/reader-lang';
import { uuidParam } from '../common/http/uuid-param';
import { ApiErrors } from '../common/openapi/error-body';
import { BulkEnrollmentService } from './bulk-enrollment.service';
import { BulkQueryDto } from './dto/bulk.dto';

@ApiTags('admin')
@ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
@Controller('admin/enrollments/bulk')
export class BulkEnrollmentController {
  constructor(private readonly bulk: BulkEnrollmentService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary:
      'Enrol teachers from CSV (columns: teacher or email or iin, and cohort). Small files answer 201 with the report; large ones 202, then poll.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'teacher,cohort\naigul@mektep.kz,DEEPEN-PRIMARY-2026-01' },
  })
  @ApiErrors('VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE')
  async submit(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Query() q: BulkQueryDto,
    @Body() csv: unknown,
    @ReaderLang() lang: Lang,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BulkEnrollmentReport> {
    const { report, queued } = await this.bulk.submit(
      { id: user.id, requestId },
      csv,
      q.partial ?? false,
      lang,
    );
    void reply.status(queued ? 202 : 201);
    return report;
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'A bulk enrolment: progress, then the per-row report.' })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', uuidParam) id: string, @ReaderLang() lang: Lang): Promise<BulkEnrollmentReport> {
    return this.bulk.report(id, lang);
  }
}
