import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { LoginRequest, RefreshRequest } from '@qadam/contracts';
import { NormaliseEmail } from '../../common/validation/transforms';
import { withArgs } from '../../common/validation/validation-errors';

export class LoginDto implements LoginRequest {
  // Not @IsEmail: a malformed address is simply a wrong credential, answered as such.
  @ApiProperty({ example: 'aigul.nurlanovna@mektep.kz' })
  @NormaliseEmail()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254, withArgs)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128, withArgs)
  password!: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200, withArgs)
  refreshToken!: string;
}
