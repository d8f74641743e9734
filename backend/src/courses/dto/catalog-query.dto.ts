import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { CourseKind, Lang, LadderLevel } from '@qadam/contracts';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { Trim } from '../../common/validation/transforms';
import { withArgs } from '../../common/validation/validation-errors';

export const LEVELS: readonly LadderLevel[] = ['acquire', 'deepen', 'create'];
export const KINDS: readonly CourseKind[] = ['mooc', 'cohort', 'profile'];

/** `GET /api/courses`: filters, search and paging. */
export class CatalogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LEVELS })
  @IsOptional()
  @IsIn(LEVELS, withArgs)
  level?: LadderLevel;

  @ApiPropertyOptional({
    enum: ['kk', 'ru', 'en'],
    description: 'Only courses offered in this language; texts in it.',
  })
  @IsOptional()
  @IsIn(['kk', 'ru', 'en'], withArgs)
  lang?: Lang;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS, withArgs)
  kind?: CourseKind;

  @ApiPropertyOptional({ description: 'Words to find in titles and descriptions (kk, ru, en).' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200, withArgs)
  q?: string;
}

/** `?lang=` on a single course or lesson: overrides Accept-Language. */
export class LangQuery {
  @ApiPropertyOptional({ enum: ['kk', 'ru', 'en'] })
  @IsOptional()
  @IsIn(['kk', 'ru', 'en'], withArgs)
  lang?: Lang;
}
