import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AdminCertificate,
  CertificateBatchProgress,
  Page,
  QueueOverview,
} from '@qadam/contracts';
import { AuthUser, CurrentUser, Roles } from '../common/access/access.decorators';
import { RequestId } from '../common/http/request-id';
import { uuidParam } from '../common/http/uuid-param';
import { ApiErrors } from '../common/openapi/error-body';
import { BatchesService } from './batches.service';
import { CertificatesService } from './certificates.service';
import { AdminCertificatesQueryDto, CreateBatchDto, ReasonDto } from './dto/certificates.dto';
import { QueuesOverview } from './queues-overview';

/** Admins: batches, revocation, re-issue, retries of failed issues, and the queues. */
@ApiTags('admin')
@ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
@Controller('admin')
export class AdminCertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly batches: BatchesService,
    private readonly queues: QueuesOverview,
  ) {}

  @Get('certificates')
  @Roles('admin')
  @ApiOperation({
    summary: 'Certificates, filtered by status (e.g. failed), course, batch, teacher.',
  })
  @ApiErrors('VALIDATION_FAILED')
  list(@Query() q: AdminCertificatesQueryDto): Promise<Page<AdminCertificate>> {
    return this.certificates.list(q);
  }

  @Post('certificates/batches')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Issue for every eligible enrolment of a course (or the listed teachers). A repeat within a minute is the same batch.',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  async createBatch(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Body() dto: CreateBatchDto,
  ): Promise<{ id: string }> {
    const { id } = await this.batches.create({ ...user, requestId }, dto);
    return { id };
  }

  @Get('certificates/batches/:id')
  @Roles('admin')
  @ApiOperation({ summary: "A batch's progress, counted from its certificates." })
  @ApiErrors('NOT_FOUND')
  batch(@Param('id', uuidParam) id: string): Promise<CertificateBatchProgress> {
    return this.batches.progress(id);
  }

  @Post('certificates/:id/revoke')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke with a reason; verification says so at once. Audited.' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CERTIFICATE_REVOKED')
  revoke(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id', uuidParam) id: string,
    @Body() dto: ReasonDto,
  ): Promise<AdminCertificate> {
    return this.certificates.revoke({ ...user, requestId }, id, dto.reason);
  }

  @Post('certificates/:id/reissue')
  @Roles('admin')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Revoke and issue anew (current name and template); the old PDF stays as issued.',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CERTIFICATE_REVOKED')
  reissue(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id', uuidParam) id: string,
    @Body() dto: ReasonDto,
  ): Promise<{ id: string }> {
    return this.certificates.reissue({ ...user, requestId }, id, dto.reason);
  }

  @Post('certificates/:id/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed issue back to the worker.' })
  @ApiErrors('NOT_FOUND', 'CERTIFICATE_NOT_FAILED')
  retry(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id', uuidParam) id: string,
  ): Promise<AdminCertificate> {
    return this.certificates.retry({ ...user, requestId }, id);
  }

  @Get('queues')
  @Roles('admin')
  @ApiOperation({ summary: 'Background work: queue counts, the outbox, unsettled certificates.' })
  queuesOverview(): Promise<QueueOverview> {
    return this.queues.overview();
  }
}
