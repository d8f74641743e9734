import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import type {
  Difficulty,
  ItemDefinition,
  ItemType,
  Lang,
  TranslatableText,
} from '@qadam/contracts';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { Trim } from '../../common/validation/transforms';
import { encodeProblem, withArgs } from '../../common/validation/validation-errors';
import { SLUG_PATTERN } from '../../courses/dto/authoring.dto';
import { ITEM_TYPES } from '../items/item-schema';

export class CreateBankDto {
  @ApiProperty({ example: 'ai-basics-final', description: 'Lower-case words and hyphens.' })
  @IsString()
  @MaxLength(80, withArgs)
  @Matches(SLUG_PATTERN, { message: encodeProblem('slug') })
  key!: string;

  @ApiProperty({ example: { kk: 'ЖИ негіздері', ru: 'Основы ИИ' } })
  @IsObject()
  title!: TranslatableText;
}

export class AddItemDto {
  @ApiPropertyOptional({ description: 'Stable name within the bank, for fixed sections.' })
  @IsOptional()
  @IsString()
  @MaxLength(80, withArgs)
  @Matches(SLUG_PATTERN, { message: encodeProblem('slug') })
  key?: string;

  @ApiProperty({ description: 'The item, key included (see ItemDefinition).' })
  @IsObject()
  definition!: ItemDefinition;
}

export class ReviseItemDto {
  @ApiProperty({ description: 'The whole item; it becomes a new version.' })
  @IsObject()
  definition!: ItemDefinition;
}

export class CorrectKeyDto {
  @ApiProperty({ description: 'The version with its key corrected; nothing else may change.' })
  @IsObject()
  definition!: ItemDefinition;

  @ApiProperty({ description: 'Why the key was wrong (kept in the audit log).' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000, withArgs)
  reason!: string;
}

export class ItemsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'unesco-cft:1.1' })
  @IsOptional()
  @IsString()
  @MaxLength(40, withArgs)
  competency?: string;

  @ApiPropertyOptional({ enum: [...ITEM_TYPES] })
  @IsOptional()
  @IsIn([...ITEM_TYPES], withArgs)
  type?: ItemType;

  @ApiPropertyOptional({ description: 'Include archived items.' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  archived?: boolean;
}

export class ImportQueryDto {
  @ApiProperty({ enum: ['moodle', 'gift'] })
  @IsIn(['moodle', 'gift'], withArgs)
  format!: 'moodle' | 'gift';

  @ApiPropertyOptional({
    enum: ['kk', 'ru', 'en'],
    default: 'kk',
    description: "The file's language.",
  })
  @IsOptional()
  @IsIn(['kk', 'ru', 'en'], withArgs)
  lang?: Lang;

  @ApiPropertyOptional({
    description: 'Competency codes for items that carry none, comma-separated.',
    example: 'unesco-cft:1.1,iste-ed:2.3.b',
  })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  competencies?: string[];

  @ApiPropertyOptional({ enum: ['easy', 'medium', 'hard'], default: 'medium' })
  @IsOptional()
  @IsIn(['easy', 'medium', 'hard'], withArgs)
  difficulty?: Difficulty;

  @ApiPropertyOptional({
    description: 'Bank key for questions outside any category (default: from the file name).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(80, withArgs)
  @Matches(SLUG_PATTERN, { message: encodeProblem('slug') })
  bank?: string;
}
