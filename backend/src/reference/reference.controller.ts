import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReferenceData } from '@qadam/contracts';
import { Public } from '../common/access/access.decorators';
import { REFERENCE_DATA } from './profile-options';

@ApiTags('reference')
@Controller('reference')
export class ReferenceController {
  @Get()
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({
    summary: 'Regions, subjects, school kinds, grade bands and languages, named in kk, ru and en.',
  })
  get(): ReferenceData {
    return REFERENCE_DATA;
  }
}
