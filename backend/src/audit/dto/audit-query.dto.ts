import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { withArgs } from '../../common/validation/validation-errors';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'user.roles.update' })
  @IsOptional()
  @IsString()
  @MaxLength(100, withArgs)
  action?: string;

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(50, withArgs)
  targetType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100, withArgs)
  targetId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  actorId?: string;
}
