import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../common/openapi/error-body';
import { AuthResultSchema } from './dto/auth-result.schema';
import type { AuthResult } from '@qadam/contracts';
import { Public } from '../common/access/access.decorators';
import { AuthService } from './auth.service';
import { LoginDto, RefreshDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';

@ApiTags('accounts')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public()
  @ApiOperation({
    summary:
      'Create a teacher account and sign in. 409 EMAIL_TAKEN / IIN_TAKEN; 400 on a weak password or an invalid IIN.',
  })
  @ApiCreatedResponse({ type: AuthResultSchema })
  @ApiErrors('VALIDATION_FAILED', 'EMAIL_TAKEN', 'IIN_TAKEN')
  register(@Body() dto: RegisterDto): Promise<AuthResult> {
    return this.auth.register(dto);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in. 401 INVALID_CREDENTIALS; 429 TOO_MANY_ATTEMPTS with Retry-After after repeated failures.',
  })
  @ApiOkResponse({ type: AuthResultSchema })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS')
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<AuthResult> {
    return this.auth.login(dto, ip);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Exchange a refresh token (usable once) for a new pair. Reusing a spent token ends every session of its family.',
  })
  @ApiOkResponse({ type: AuthResultSchema })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_REFRESH_TOKEN', 'REFRESH_TOKEN_REUSED')
  refresh(@Body() dto: RefreshDto): Promise<AuthResult> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the refresh token and its family stop working.' })
  @ApiNoContentResponse()
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }
}
