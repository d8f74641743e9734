import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { AssessmentKind, TranslatableText } from '@qadam/contracts';
import { CourseVersion } from './course-version.entity';

/**
 * An assessment a published version refers to, with its settings. Its items, attempts and
 * grading belong to the assessment engine.
 */
@Entity('course_assessments')
@Unique('course_assessments_version_id_key_key', ['versionId', 'key'])
@Check('course_assessments_kind_check', `"kind" IN ('quiz', 'final', 'task')`)
@Check('course_assessments_pass_mark_check', `"pass_mark" BETWEEN 0 AND 100`)
export class CourseAssessment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => CourseVersion, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'version_id',
    foreignKeyConstraintName: 'course_assessments_version_id_fkey',
  })
  version?: CourseVersion;

  @Column({ type: 'varchar', length: 80 })
  key!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar', length: 8 })
  kind!: AssessmentKind;

  @Column({ type: 'jsonb' })
  title!: TranslatableText;

  @Column({ type: 'smallint' })
  passMark!: number;

  @Column({ type: 'smallint', nullable: true })
  timeLimitMinutes!: number | null;

  @Column({ type: 'smallint', nullable: true })
  attemptsAllowed!: number | null;

  @Column({ type: 'boolean', default: true })
  required!: boolean;

  @Column({ type: 'varchar', length: 80, nullable: true })
  moduleKey!: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  competencies!: string[];
}
