import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, Page } from '@qadam/contracts';
import { Roles } from '../common/access/access.decorators';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('admin')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The audit log, newest first; filter by action, target or actor.' })
  list(@Query() q: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list(q);
  }
}
