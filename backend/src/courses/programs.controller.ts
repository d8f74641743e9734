import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Lang, ProgramSummary } from '@qadam/contracts';
import { Public } from '../common/access/access.decorators';
import { ReaderLang } from '../common/i18n/reader-lang';
import { CatalogService } from './catalog.service';

@ApiTags('catalog')
@Controller('programs')
export class ProgramsController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The three rungs of the ladder, in order, with their course counts.' })
  list(@ReaderLang() lang: Lang): Promise<ProgramSummary[]> {
    return this.catalog.programs(lang);
  }
}
