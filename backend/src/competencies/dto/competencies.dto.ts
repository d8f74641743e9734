import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MonitoringDimension } from '@qadam/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsObject,
  Max,
  Min,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Trim } from '../../common/validation/transforms';
import { withArgs } from '../../common/validation/validation-errors';

export class RecognitionDto {
  @ApiProperty()
  @IsUUID()
  userId!: string;

  @ApiProperty({ example: 'unesco-cft:2.1' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,39}:[A-Za-z0-9._-]{1,40}$/)
  competencyCode!: string;

  @ApiPropertyOptional({ enum: ['acquire', 'deepen', 'create'] })
  @IsOptional()
  @IsIn(['acquire', 'deepen', 'create'])
  level?: string;

  @ApiProperty({ description: 'What was recognised and on what grounds; kept with the record.' })
  @Trim()
  @IsString()
  @MinLength(3, withArgs)
  @MaxLength(2000, withArgs)
  reason!: string;
}

export class EvidenceQueryDto {
  @ApiProperty()
  @IsUUID()
  userId!: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  includeAnnulled?: boolean;
}

export class CrosswalkQueryDto {
  @ApiProperty({ example: 'unesco-cft' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,39}$/)
  from!: string;

  @ApiProperty({ example: 'iste-ed' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,39}$/)
  to!: string;
}

export class MonitoringQueryDto {
  @ApiProperty({ enum: ['region', 'school_kind', 'subject'] })
  @IsIn(['region', 'school_kind', 'subject'])
  by!: MonitoringDimension;
}

export class DismissDto {
  @ApiProperty({ example: 'start-ladder/ai-in-teachers-work' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*){1,2}$/)
  @MaxLength(300, withArgs)
  id!: string;
}

export class RulePatchDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 10000 })
  @IsOptional()
  @IsInt()
  @Min(0, withArgs)
  @Max(10000, withArgs)
  priority?: number;

  @ApiPropertyOptional({
    description: 'The reason shown, { kk, ru, en }; {course} and {gaps} are filled in.',
  })
  @IsOptional()
  @IsObject()
  because?: { kk: string; ru: string; en: string };
}
