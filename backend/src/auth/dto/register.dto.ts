import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { RegisterRequest } from '@qadam/contracts';
import { NormaliseEmail, Trim } from '../../common/validation/transforms';
import { withArgs } from '../../common/validation/validation-errors';
import { IsAcceptablePassword } from '../../common/validation/validators';
import { SUBJECT_CODES } from '../../reference/subjects';
import { ListProfileFields } from '../../users/dto/profile-fields';

export class RegisterDto extends ListProfileFields implements RegisterRequest {
  @ApiProperty({ example: 'aigul.nurlanovna@mektep.kz', maxLength: 254 })
  @NormaliseEmail()
  @IsEmail()
  @MaxLength(254, withArgs)
  email!: string;

  @ApiProperty({
    minLength: 10,
    maxLength: 128,
    description: 'At least 10 characters; not a common password; not the email or name.',
  })
  @IsString()
  @IsAcceptablePassword()
  password!: string;

  @ApiProperty({ example: 'Нұрланова Айгүл Серікқызы', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200, withArgs)
  fullName!: string;

  @ApiPropertyOptional({
    enum: SUBJECT_CODES,
    description: 'One subject taught (shorthand for subjects: [subject])',
  })
  @IsOptional()
  @IsIn(SUBJECT_CODES)
  subject?: string;
}
