import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import type { CertificateStatus } from '@qadam/contracts';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { withArgs } from '../../common/validation/validation-errors';

export { ReasonDto } from '../../common/dto/reason.dto';

export class CreateBatchDto {
  @ApiProperty({ example: 'ai-in-teachers-work' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/)
  courseSlug!: string;

  @ApiPropertyOptional({
    description: 'An uploaded list of teachers (e-mails or IINs); none: every eligible enrolment.',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, withArgs)
  @ArrayMaxSize(50000, withArgs)
  @IsString({ each: true })
  @MaxLength(254, { each: true, ...withArgs })
  teachers?: string[];

  @ApiPropertyOptional({ description: 'Add English to the kk/ru certificates.', default: false })
  @IsOptional()
  @IsBoolean()
  includeEnglish?: boolean;
}

export class AdminCertificatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'issued', 'revoked', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'issued', 'revoked', 'failed'])
  status?: CertificateStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(80, withArgs)
  courseSlug?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  userId?: string;
}
