import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BankSummary, ItemRecord, KeyCorrectionResult, Page } from '@qadam/contracts';
import { AuthUser, CurrentUser, Roles } from '../common/access/access.decorators';
import { DomainError } from '../common/errors/domain-error';
import { RequestId } from '../common/http/request-id';
import { uuidParam } from '../common/http/uuid-param';
import { ApiErrors } from '../common/openapi/error-body';
import type { Actor } from '../ladder/ladder.service';
import { BanksService } from './banks.service';
import {
  AddItemDto,
  CorrectKeyDto,
  CreateBankDto,
  ItemsQueryDto,
  ReviseItemDto,
} from './dto/banks.dto';
import { PageQueryDto } from '../common/dto/page-query.dto';

const actor = (user: AuthUser, requestId: string | null): Actor => ({ id: user.id, requestId });

const versionParam = new ParseIntPipe({ exceptionFactory: () => new DomainError('NOT_FOUND') });

/** Question banks and items for authors and admins; Moodle XML and GIFT import, Moodle export. */
@ApiTags('banks')
@ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
@Controller()
export class BanksController {
  constructor(private readonly banks: BanksService) {}

  @Get('banks')
  @Roles('author', 'admin')
  @ApiOperation({ summary: 'Question banks, with their live item counts.' })
  list(@Query() q: PageQueryDto): Promise<Page<BankSummary>> {
    return this.banks.list(q.page, q.pageSize);
  }

  @Post('banks')
  @Roles('author', 'admin')
  @ApiOperation({ summary: 'Create a bank.' })
  @ApiErrors('VALIDATION_FAILED', 'BANK_KEY_TAKEN')
  create(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Body() dto: CreateBankDto,
  ): Promise<BankSummary> {
    return this.banks.create(actor(user, requestId), dto.key, dto.title);
  }

  @Get('banks/:id/items')
  @Roles('author', 'admin')
  @ApiOperation({ summary: "A bank's items with their current versions (keys included)." })
  @ApiErrors('NOT_FOUND')
  items(@Param('id', uuidParam) id: string, @Query() q: ItemsQueryDto): Promise<Page<ItemRecord>> {
    return this.banks.items(id, q);
  }

  @Post('banks/:id/items')
  @Roles('author', 'admin')
  @ApiOperation({ summary: 'Add an item (version 1).' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'ITEM_KEY_TAKEN')
  addItem(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id', uuidParam) id: string,
    @Body() dto: AddItemDto,
  ): Promise<ItemRecord> {
    return this.banks.addItem(actor(user, requestId), id, dto.key ?? null, dto.definition);
  }

  @Get('items/:id')
  @Roles('author', 'admin')
  @ApiOperation({ summary: 'An item, its current version and the list of its versions.' })
  @ApiErrors('NOT_FOUND')
  item(@Param('id', uuidParam) id: string): Promise<ItemRecord> {
    return this.banks.item(id);
  }

  @Put('items/:id')
  @Roles('author', 'admin')
  @ApiOperation({
    summary: 'Save a new version (attempts already started keep theirs); same content, no version.',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  revise(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id', uuidParam) id: string,
    @Body() dto: ReviseItemDto,
  ): Promise<ItemRecord> {
    return this.banks.revise(actor(user, requestId), id, dto.definition);
  }

  @Delete('items/:id')
  @HttpCode(204)
  @Roles('author', 'admin')
  @ApiOperation({ summary: 'Archive: never drawn again; attempts holding it keep it.' })
  @ApiErrors('NOT_FOUND')
  archive(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id', uuidParam) id: string,
  ): Promise<void> {
    return this.banks.archive(actor(user, requestId), id);
  }

  @Post('items/:id/versions/:version/key-correction')
  @HttpCode(200)
  @Roles('author', 'admin')
  @ApiOperation({
    summary:
      "Correct a version's answer key in place and regrade the attempts holding it (audited).",
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  correctKey(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id', uuidParam) id: string,
    @Param('version', versionParam) version: number,
    @Body() dto: CorrectKeyDto,
  ): Promise<KeyCorrectionResult> {
    return this.banks.correctKey(actor(user, requestId), id, version, dto.definition, dto.reason);
  }
}
