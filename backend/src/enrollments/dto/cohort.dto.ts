import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import type { EnrollmentStatus } from '@qadam/contracts';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { Trim } from '../../common/validation/transforms';
import { encodeProblem, withArgs } from '../../common/validation/validation-errors';

export class CreateCohortDto {
  @ApiProperty({ example: 'ai-primary' })
  @IsString()
  @MaxLength(80, withArgs)
  courseSlug!: string;

  @ApiProperty({ example: 'DEEPEN-PRIMARY-2026-01', description: 'Used in CSV files.' })
  @Trim()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,59}$/, { message: encodeProblem('code') })
  code!: string;

  @ApiProperty({ example: 'Астана, қаңтар 2027' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200, withArgs)
  title!: string;

  @ApiProperty({ example: '2027-01-11' })
  @IsISO8601({ strict: true }, withArgs)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: encodeProblem('date') })
  startsOn!: string;

  @ApiProperty({ example: '2027-02-05' })
  @IsISO8601({ strict: true }, withArgs)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: encodeProblem('date') })
  endsOn!: string;

  @ApiProperty({ example: '2026-12-01T00:00:00Z' })
  @Type(() => Date)
  @IsDate()
  enrolmentOpensAt!: Date;

  @ApiProperty({ example: '2027-01-05T00:00:00Z' })
  @Type(() => Date)
  @IsDate()
  enrolmentClosesAt!: Date;

  @ApiProperty({ minimum: 1, example: 25 })
  @IsInt()
  @Min(1, withArgs)
  seats!: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Waitlist places; default: as many as seats.' })
  @IsOptional()
  @IsInt()
  @Min(0, withArgs)
  waitlistLimit?: number;
}

export class UpdateCohortDto extends PartialType(
  OmitType(CreateCohortDto, ['courseSlug', 'code']),
) {}

export class CohortQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(80, withArgs)
  courseSlug?: string;
}

export class ApplicationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['pending', 'waitlisted', 'active', 'completed', 'rejected', 'withdrawn'],
  })
  @IsOptional()
  @IsIn(['pending', 'waitlisted', 'active', 'completed', 'rejected', 'withdrawn'], withArgs)
  status?: EnrollmentStatus;
}

export class RejectDto {
  @ApiProperty({ description: 'Shown to the teacher.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000, withArgs)
  reason!: string;
}

export class EnrolDto {
  @ApiPropertyOptional({ description: 'The cohort to apply to (cohort and profile courses).' })
  @IsOptional()
  @IsUUID('all', { message: encodeProblem('uuid') })
  cohortId?: string;
}

export class GrantExceptionDto {
  @ApiProperty()
  @IsUUID('all', { message: encodeProblem('uuid') })
  userId!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(80, withArgs)
  courseSlug!: string;

  @ApiProperty({ description: 'Why this teacher may skip the rung below (kept in the audit log).' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000, withArgs)
  reason!: string;
}

export class ExceptionQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: encodeProblem('uuid') })
  userId?: string;
}
