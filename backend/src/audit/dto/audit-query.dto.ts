import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { encodeProblem, withArgs } from '../../common/validation/validation-errors';

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

  @ApiPropertyOptional({ example: '2026-11-01', description: 'From this day (Kazakhstan time).' })
  @IsOptional()
  @IsISO8601({ strict: true }, withArgs)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: encodeProblem('date') })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Up to and including this day.' })
  @IsOptional()
  @IsISO8601({ strict: true }, withArgs)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: encodeProblem('date') })
  to?: string;
}
