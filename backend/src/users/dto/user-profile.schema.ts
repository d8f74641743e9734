import { ApiProperty } from '@nestjs/swagger';
import type { GradeBand, Lang, Role, SchoolKind, UserProfile } from '@qadam/contracts';
import { LANGS } from '../../common/i18n/lang';
import { GRADE_BANDS, ROLES, SCHOOL_KINDS } from '../entities/user.entity';

/** The OpenAPI shape of `UserProfile`; `implements` keeps it in step with the contract. */
export class UserProfileSchema implements UserProfile {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'aigul.nurlanovna@mektep.kz' }) email!: string;
  @ApiProperty({ example: 'Нұрланова Айгүл Серікқызы' }) fullName!: string;
  @ApiProperty({ type: String, nullable: true, example: '900101300126' }) iin!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'turkistan' }) region!: string | null;
  @ApiProperty({ type: String, nullable: true }) school!: string | null;
  @ApiProperty({ enum: SCHOOL_KINDS, nullable: true }) schoolKind!: SchoolKind | null;
  @ApiProperty({ type: [String], example: ['informatics'] }) subjects!: string[];
  @ApiProperty({ enum: GRADE_BANDS, isArray: true }) grades!: GradeBand[];
  @ApiProperty({ enum: LANGS }) language!: Lang;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
