import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class BulkQueryDto {
  @ApiPropertyOptional({
    description: 'Apply the good rows and report the rest (default: all-or-nothing).',
  })
  @IsOptional()
  @Transform(({ value }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  )
  @IsBoolean()
  partial?: boolean;
}
