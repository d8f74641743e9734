import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/openapi/error-body';
import { UserProfileSchema } from './dto/user-profile.schema';
import type { UserProfile } from '@qadam/contracts';
import { AuthUser, CurrentUser, SignedIn } from '../common/access/access.decorators';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { toProfile } from './user-profile';
import { UsersService } from './users.service';

@ApiTags('accounts')
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in user, with roles.' })
  @ApiOkResponse({ type: UserProfileSchema })
  @ApiErrors('UNAUTHENTICATED')
  async me(@CurrentUser() user: AuthUser): Promise<UserProfile> {
    return toProfile(await this.users.findById(user.id));
  }

  @Patch()
  @SignedIn()
  @ApiOperation({ summary: 'Edit the teacher profile; null clears an optional field.' })
  @ApiOkResponse({ type: UserProfileSchema })
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'IIN_TAKEN')
  async update(@CurrentUser() user: AuthUser, @Body() dto: UpdateProfileDto): Promise<UserProfile> {
    return toProfile(await this.users.updateProfile(user.id, dto));
  }
}
