import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '../common/http/uuid-param';
import { ApiErrors } from '../common/openapi/error-body';
import { UserProfileSchema } from '../users/dto/user-profile.schema';
import type { Page, UserProfile } from '@qadam/contracts';
import { AuthUser, CurrentUser, Roles } from '../common/access/access.decorators';
import { RequestId } from '../common/http/request-id';
import { AdminAccountsService } from './admin-accounts.service';
import { SetRolesDto, UserQueryDto } from './dto/admin-users.dto';

@ApiTags('admin')
@ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
@Controller('admin/users')
export class AdminAccountsController {
  constructor(private readonly accounts: AdminAccountsService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Find accounts by e-mail or name, or by role.' })
  list(@Query() q: UserQueryDto): Promise<Page<UserProfile>> {
    return this.accounts.list(q);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserProfileSchema })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', uuidParam) id: string): Promise<UserProfile> {
    return this.accounts.get(id);
  }

  @Put(':id/roles')
  @Roles('admin')
  @ApiOperation({ summary: "Replace an account's roles (audited; ends the account's sessions)." })
  @ApiOkResponse({ type: UserProfileSchema })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CANNOT_REMOVE_OWN_ADMIN')
  setRoles(
    @CurrentUser() actor: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id', uuidParam) id: string,
    @Body() dto: SetRolesDto,
  ): Promise<UserProfile> {
    return this.accounts.setRoles({ id: actor.id, requestId }, id, dto.roles);
  }
}
