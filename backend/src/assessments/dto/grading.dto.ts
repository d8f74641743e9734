import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { withArgs } from '../../common/validation/validation-errors';

export class GradingQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only this assessment.' })
  @IsOptional()
  @IsUUID()
  assessmentId?: string;
}

export class GradeDto {
  @ApiProperty({
    description: 'The level chosen per rubric criterion: { criterionId: levelId }.',
    example: { argument: 'meets', sources: 'exceeds' },
  })
  @IsObject()
  levels!: Record<string, string>;

  @ApiPropertyOptional({ description: 'Shown to the teacher in the review.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000, withArgs)
  comment?: string;
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['kk', 'ru', 'en'], default: 'kk' })
  @IsOptional()
  @IsIn(['kk', 'ru', 'en'])
  lang?: 'kk' | 'ru' | 'en';
}
