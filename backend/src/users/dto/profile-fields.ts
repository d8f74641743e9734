import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { IsAbsentOrValid } from '../../common/validation/transforms';
import type { GradeBand, Lang, SchoolKind } from '@qadam/contracts';
import { LANGS } from '../../common/i18n/lang';
import { Trim } from '../../common/validation/transforms';
import { withArgs } from '../../common/validation/validation-errors';
import { IsIin } from '../../common/validation/validators';
import { REGION_CODES } from '../../reference/regions';
import { SUBJECT_CODES } from '../../reference/subjects';
import { GRADE_BANDS, SCHOOL_KINDS } from '../entities/user.entity';

/**
 * The optional teacher-profile fields, shared by registration and `PATCH /api/me`. On PATCH a
 * `null` clears the field (IsOptional lets null through; the service stores it).
 */
export class OptionalProfileFields {
  @ApiPropertyOptional({
    description: 'Individual identification number: 12 digits with a valid check digit.',
    example: '900101300126',
    nullable: true,
  })
  @IsOptional()
  @Trim()
  @IsIin()
  iin?: string | null;

  @ApiPropertyOptional({
    enum: REGION_CODES,
    description: 'Region code (GET /api/reference)',
    nullable: true,
  })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: string | null;

  @ApiPropertyOptional({ description: 'School name', maxLength: 300, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300, withArgs)
  school?: string | null;

  @ApiPropertyOptional({ enum: SCHOOL_KINDS, nullable: true })
  @IsOptional()
  @IsIn(SCHOOL_KINDS)
  schoolKind?: SchoolKind | null;
}

export class ListProfileFields extends OptionalProfileFields {
  @ApiPropertyOptional({
    enum: SUBJECT_CODES,
    isArray: true,
    description: 'Subjects taught (codes from GET /api/reference)',
  })
  @IsAbsentOrValid()
  @IsArray()
  @ArrayMaxSize(10, withArgs)
  @ArrayUnique()
  @IsIn(SUBJECT_CODES, { each: true })
  subjects?: string[];

  @ApiPropertyOptional({ enum: GRADE_BANDS, isArray: true })
  @IsAbsentOrValid()
  @IsArray()
  @ArrayUnique()
  @IsIn(GRADE_BANDS, { each: true })
  grades?: GradeBand[];

  @ApiPropertyOptional({
    enum: LANGS,
    description: 'Preferred language of the interface and certificates',
  })
  @IsAbsentOrValid()
  @IsIn(LANGS)
  language?: Lang;
}
