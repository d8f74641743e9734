import { Controller, Get, Header, Param, ParseIntPipe, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CertificateSummary, VerificationResult } from '@qadam/contracts';
import type { FastifyReply } from 'fastify';
import { AuthUser, CurrentUser, Public, SignedIn } from '../common/access/access.decorators';
import { DomainError } from '../common/errors/domain-error';
import { uuidParam } from '../common/http/uuid-param';
import { ApiErrors } from '../common/openapi/error-body';
import { CertificatesService } from './certificates.service';
import { StatusListService } from './status-list.service';
import { VerificationService } from './verification.service';

const notFound = new ParseIntPipe({ exceptionFactory: () => new DomainError('NOT_FOUND') });

/** Teachers' certificates, and what anyone may fetch to check one. */
@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly verification: VerificationService,
    private readonly statusLists: StatusListService,
  ) {}

  @Get('me/certificates')
  @SignedIn()
  @ApiOperation({ summary: "The caller's certificates, newest first, pending ones included." })
  @ApiErrors('UNAUTHENTICATED')
  mine(@CurrentUser() user: AuthUser): Promise<CertificateSummary[]> {
    return this.certificates.mine(user.id);
  }

  @Get('certificates/:id/pdf')
  @SignedIn()
  @ApiOperation({ summary: 'The PDF as issued (frozen at issue); its holder and admins only.' })
  @ApiErrors('UNAUTHENTICATED', 'NOT_FOUND', 'CERTIFICATE_NOT_READY')
  async pdf(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { number, pdf } = await this.certificates.pdf(user, id);
    void reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', `attachment; filename="${number}.pdf"`)
      .header('Cache-Control', 'private, max-age=86400, immutable');
    return pdf;
  }

  @Get('certificates/:id/credential')
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'The signed Open Badges 3.0 credential (eddsa-rdfc-2022).' })
  @ApiErrors('NOT_FOUND', 'CERTIFICATE_NOT_READY')
  credential(@Param('id', uuidParam) id: string): Promise<Record<string, unknown>> {
    return this.certificates.credential(id);
  }

  @Get('verify/:id')
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({
    summary: 'Is this certificate valid? Status, holder, course, level, dates, issuer.',
  })
  @ApiErrors('NOT_FOUND')
  verify(@Param('id') id: string): Promise<VerificationResult> {
    return this.verification.verify(id);
  }

  @Get('credentials/status/:list')
  @Public()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({
    summary: 'A signed revocation list (W3C Bitstring Status List) credentials point to.',
  })
  @ApiErrors('NOT_FOUND')
  statusList(@Param('list', notFound) list: number): Promise<Record<string, unknown>> {
    return this.statusLists.list(list);
  }
}
