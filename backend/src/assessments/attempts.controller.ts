import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AttemptResult, AttemptStarted, AttemptView, Lang } from '@qadam/contracts';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../common/access/access.decorators';
import { uuidParam } from '../common/http/uuid-param';
import { ReaderLang } from '../common/i18n/reader-lang';
import { ApiErrors } from '../common/openapi/error-body';
import { AttemptsService } from './attempts.service';
import { SaveResponseDto } from './dto/attempts.dto';

/** Taking a test: start or resume, autosave each answer, submit, read the result. */
@ApiTags('attempts')
@ApiErrors('UNAUTHENTICATED')
@Controller()
export class AttemptsController {
  constructor(private readonly attempts: AttemptsService) {}

  @Post('assessments/:id/attempts')
  @Roles('teacher')
  @ApiOperation({
    summary: 'Start an attempt (201), or get the unfinished one back (200). Never the key.',
  })
  @ApiErrors(
    'NOT_FOUND',
    'NOT_ENROLLED',
    'NO_ATTEMPTS_LEFT',
    'ASSESSMENT_NOT_AVAILABLE',
    'ASSESSMENT_NOT_READY',
  )
  async start(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @ReaderLang() lang: Lang,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttemptStarted> {
    const { created, attempt } = await this.attempts.start(user, id, lang);
    void reply.status(created ? 201 : 200);
    return attempt;
  }

  @Put('attempts/:id/responses/:itemId')
  @SignedIn()
  @ApiOperation({ summary: 'Autosave one answer (idempotent).' })
  @ApiBody({ type: SaveResponseDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'ATTEMPT_CLOSED')
  save(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Param('itemId', uuidParam) itemId: string,
    // Untyped on purpose: the global validation pipe skips it (see readResponseBody).
    @Body() body: unknown,
  ): Promise<{ savedAt: string }> {
    return this.attempts.save(user, id, itemId, body);
  }

  @Post('attempts/:id/submit')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Submit; submitting again returns the same result.' })
  @ApiErrors('NOT_FOUND')
  submit(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
  ): Promise<AttemptResult> {
    return this.attempts.submit(user, id);
  }

  @Get('attempts/:id')
  @SignedIn()
  @ApiOperation({
    summary: 'The attempt with its saved answers, its result, and the review the test allows.',
  })
  @ApiErrors('NOT_FOUND')
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @ReaderLang() lang: Lang,
  ): Promise<AttemptView> {
    return this.attempts.view(id, user, lang);
  }
}
