import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ImportReport, Lang } from '@qadam/contracts';
import { AuthUser, CurrentUser, Roles } from '../common/access/access.decorators';
import { RequestId } from '../common/http/request-id';
import { uuidParam } from '../common/http/uuid-param';
import { ReaderLang } from '../common/i18n/reader-lang';
import { ApiErrors } from '../common/openapi/error-body';
import { BankImportService } from './bank-import.service';
import { ImportQueryDto } from './dto/banks.dto';
import { ExportQueryDto } from './dto/grading.dto';

/** Moodle XML and GIFT files in, Moodle XML out: how banks of earlier platforms come in. */
@ApiTags('banks')
@ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
@Controller()
export class InterchangeController {
  constructor(private readonly interchange: BankImportService) {}

  @Post('banks/import')
  @HttpCode(200)
  @Roles('author', 'admin')
  @ApiConsumes('application/xml', 'text/xml', 'text/plain')
  @ApiOperation({
    summary:
      'Import Moodle XML (application/xml) or GIFT (text/plain); categories become banks. Answers with a per-question report.',
  })
  @ApiErrors('VALIDATION_FAILED', 'IMPORT_REFUSED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE')
  import(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Query() q: ImportQueryDto,
    @Body() body: unknown,
    @ReaderLang() lang: Lang,
  ): Promise<ImportReport> {
    return this.interchange.import({ id: user.id, requestId }, body, q, lang);
  }

  @Get('banks/:id/export')
  @Roles('author', 'admin')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiOperation({ summary: "A bank's live items as Moodle XML, in one language." })
  @ApiErrors('NOT_FOUND')
  async export(
    @Param('id', uuidParam) id: string,
    @Query() q: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { xml, key } = await this.interchange.export(id, q.lang ?? 'kk');
    void reply.header('Content-Disposition', `attachment; filename="${key}.moodle.xml"`);
    return xml;
  }
}
