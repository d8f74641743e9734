import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { LessonSource, TranslatableText } from '@qadam/contracts';
import { CourseModule } from './course-module.entity';
import { CourseVersion } from './course-version.entity';

/** A lesson of a published version, with its Markdown rendered and sanitised once, at publishing. */
@Entity('lessons')
@Unique('lessons_version_id_key_key', ['versionId', 'key'])
export class Lesson {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => CourseVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'lessons_version_id_fkey' })
  version?: CourseVersion;

  @Index('lessons_module_id_idx')
  @Column({ type: 'uuid' })
  moduleId!: string;

  @ManyToOne(() => CourseModule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id', foreignKeyConstraintName: 'lessons_module_id_fkey' })
  module?: CourseModule;

  @Column({ type: 'varchar', length: 80 })
  key!: string;

  /** Order within the whole course, for next/previous. */
  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'jsonb' })
  title!: TranslatableText;

  @Column({ type: 'smallint' })
  minutes!: number;

  @Column({ type: 'boolean', default: true })
  required!: boolean;

  @Column({ type: 'text', array: true, default: '{}' })
  competencies!: string[];

  @Column({ type: 'jsonb', default: [] })
  sources!: LessonSource[];

  /** Sanitised HTML per language. */
  @Column({ type: 'jsonb' })
  bodyHtml!: TranslatableText;
}
