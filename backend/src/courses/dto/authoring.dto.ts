import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import type { CourseDocument } from '@qadam/contracts';
import { Trim } from '../../common/validation/transforms';
import { encodeProblem, withArgs } from '../../common/validation/validation-errors';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class CreateCourseDto {
  @ApiProperty({ example: 'ai-in-teachers-work', description: 'Lower-case words and hyphens.' })
  @IsString()
  @MaxLength(80, withArgs)
  @Matches(SLUG_PATTERN, { message: encodeProblem('slug') })
  slug!: string;

  @ApiProperty({
    description: 'The course document (see the package format in courses/README.md).',
  })
  @IsObject()
  document!: CourseDocument;
}

export class SaveDraftDto {
  @ApiProperty({ description: 'The whole course document; it replaces the draft.' })
  @IsObject()
  document!: CourseDocument;
}

export class ReviewDto {
  @ApiProperty({ enum: ['approve', 'return'] })
  @IsIn(['approve', 'return'], withArgs)
  decision!: 'approve' | 'return';

  @ApiPropertyOptional({ description: 'Required when returning the draft: what to change.' })
  @ValidateIf((o: ReviewDto) => o.decision === 'return' || o.comment !== undefined)
  @Trim()
  @IsString()
  @MaxLength(5000, withArgs)
  @IsNotEmpty()
  comment?: string;
}

export class PreviewDto {
  @ApiProperty({ description: 'Lesson Markdown to render as the teacher will see it.' })
  @IsString()
  @MaxLength(200_000, withArgs)
  markdown!: string;
}

export class PreviewResult {
  @ApiProperty()
  html!: string;
}
