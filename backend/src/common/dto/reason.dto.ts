import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../validation/transforms';
import { withArgs } from '../validation/validation-errors';

/** `{ reason }` for a staff action that must say why (kept in the audit log and shown). */
export class ReasonDto {
  @ApiProperty({ description: 'Why: kept with the record and in the audit log.' })
  @Trim()
  @IsString()
  @MinLength(3, withArgs)
  @MaxLength(1000, withArgs)
  reason!: string;
}
