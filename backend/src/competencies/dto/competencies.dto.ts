import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
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
