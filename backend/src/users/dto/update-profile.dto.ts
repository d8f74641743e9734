import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { UpdateProfileRequest } from '@qadam/contracts';
import { IsAbsentOrValid, Trim } from '../../common/validation/transforms';
import { withArgs } from '../../common/validation/validation-errors';
import { ListProfileFields } from './profile-fields';

export class UpdateProfileDto extends ListProfileFields implements UpdateProfileRequest {
  // Required columns: absent means "keep", but null is refused rather than stored.
  @ApiPropertyOptional({ maxLength: 200 })
  @IsAbsentOrValid()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200, withArgs)
  fullName?: string;
}
