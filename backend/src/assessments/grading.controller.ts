import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AttemptResult, GradingTask, Lang, Page } from '@qadam/contracts';
import { AuthUser, CurrentUser, Roles } from '../common/access/access.decorators';
import { RequestId } from '../common/http/request-id';
import { uuidParam } from '../common/http/uuid-param';
import { ReaderLang } from '../common/i18n/reader-lang';
import { ApiErrors } from '../common/openapi/error-body';
import { GradeDto, GradingQueueQueryDto } from './dto/grading.dto';
import { GradingService } from './grading.service';

/** Hand grading of essays and practical tasks, with rubrics. */
@ApiTags('grading')
@ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
@Controller('grading')
export class GradingController {
  constructor(private readonly grading: GradingService) {}

  @Get('tasks')
  @Roles('admin', 'assessor')
  @ApiOperation({ summary: 'Answers waiting for a grade, oldest submission first.' })
  queue(@Query() q: GradingQueueQueryDto, @ReaderLang() lang: Lang): Promise<Page<GradingTask>> {
    return this.grading.queue(q, lang);
  }

  @Put('attempts/:attemptId/items/:itemId')
  @Roles('admin', 'assessor')
  @ApiOperation({
    summary: 'Grade one answer by its rubric; the last grade of an attempt makes its result final.',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'NOT_AWAITING_GRADE')
  grade(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('attemptId', uuidParam) attemptId: string,
    @Param('itemId', uuidParam) itemId: string,
    @Body() dto: GradeDto,
  ): Promise<AttemptResult> {
    return this.grading.grade(
      { id: user.id, requestId },
      attemptId,
      itemId,
      dto.levels,
      dto.comment ?? null,
    );
  }
}
