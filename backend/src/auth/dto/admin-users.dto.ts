import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import type { Role } from '@qadam/contracts';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { withArgs } from '../../common/validation/validation-errors';
import { ROLES } from '../../users/entities/user.entity';

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the e-mail or full name' })
  @IsOptional()
  @IsString()
  @MaxLength(100, withArgs)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class SetRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true, example: ['teacher', 'author'] })
  @IsArray()
  @ArrayMinSize(1, withArgs)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}
