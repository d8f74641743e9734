import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { CourseKind, Lang, LadderLevel, TranslatableText } from '@qadam/contracts';
import { User } from '../../users/entities/user.entity';
import { Program } from './program.entity';
import { CourseVersion } from './course-version.entity';

/**
 * A course and, denormalised from its published version, what the catalog lists and searches:
 * the catalog reads this one table.
 */
@Entity('courses')
@Check('courses_kind_check', `"kind" IS NULL OR "kind" IN ('mooc', 'cohort', 'profile')`)
// Trigram index for substring search in kk and ru (Kazakh has no stemmer in PostgreSQL, and
// its suffixes make substring matching the useful kind); made in the migration.
@Index('courses_search_text_trgm_idx', { synchronize: false })
export class Course {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('courses_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug!: string;

  @Column({ type: 'varchar', length: 10 })
  level!: LadderLevel;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'level', foreignKeyConstraintName: 'courses_level_fkey' })
  program?: Program;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'courses_created_by_fkey' })
  creator?: User;

  @Column({ type: 'uuid', nullable: true })
  publishedVersionId!: string | null;

  @ManyToOne(() => CourseVersion, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'published_version_id',
    foreignKeyConstraintName: 'courses_published_version_id_fkey',
  })
  publishedVersion?: Relation<CourseVersion>;

  @Column({ type: 'integer', nullable: true })
  publishedNumber!: number | null;

  @Index('courses_published_at_idx')
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  kind!: CourseKind | null;

  @Column({ type: 'text', array: true, default: '{}' })
  languages!: Lang[];

  @Column({ type: 'integer', nullable: true })
  hours!: number | null;

  @Column({ type: 'jsonb', default: {} })
  title!: TranslatableText;

  @Column({ type: 'jsonb', default: {} })
  description!: TranslatableText;

  @Column({ type: 'text', array: true, default: '{}' })
  competencies!: string[];

  /** Lower-cased titles and descriptions in every language, for the trigram index. */
  @Column({ type: 'text', default: '' })
  searchText!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
