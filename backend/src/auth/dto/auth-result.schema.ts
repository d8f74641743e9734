import { ApiProperty } from '@nestjs/swagger';
import type { AuthResult } from '@qadam/contracts';
import { UserProfileSchema } from '../../users/dto/user-profile.schema';

export class AuthResultSchema implements AuthResult {
  @ApiProperty({ type: UserProfileSchema }) user!: UserProfileSchema;
  @ApiProperty({ description: 'JWT for `Authorization: Bearer …`' }) accessToken!: string;
  @ApiProperty({ description: 'Single use: exchange it at /api/auth/refresh' })
  refreshToken!: string;
  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn!: number;
}
