import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type {
  AssessmentKind,
  AssessmentSection,
  ReviewFrom,
  ReviewShows,
  TestLayout,
  TranslatableText,
} from '@qadam/contracts';
import { CourseVersion } from './course-version.entity';

/**
 * An assessment a published version refers to, with its settings. Its items, attempts and
 * grading belong to the assessment engine.
 */
@Entity('course_assessments')
@Unique('course_assessments_version_id_key_key', ['versionId', 'key'])
@Check('course_assessments_kind_check', `"kind" IN ('quiz', 'final', 'task')`)
@Check('course_assessments_pass_mark_check', `"pass_mark" BETWEEN 0 AND 100`)
@Check('course_assessments_layout_check', `"layout" IN ('one_per_page', 'all_on_one')`)
@Check(
  'course_assessments_review_shows_check',
  `"review_shows" IN ('score', 'answers', 'feedback')`,
)
@Check('course_assessments_review_from_check', `"review_from" IN ('submit', 'close', 'never')`)
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

  /** Fixed items and draws; resolved against the banks when an attempt starts. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  sections!: AssessmentSection[];

  @Column({ type: 'timestamptz', nullable: true })
  availableFrom!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  availableUntil!: Date | null;

  @Column({ type: 'boolean', default: false })
  shuffleItems!: boolean;

  @Column({ type: 'boolean', default: true })
  shuffleOptions!: boolean;

  @Column({ type: 'varchar', length: 12, default: 'one_per_page' })
  layout!: TestLayout;

  @Column({ type: 'varchar', length: 8, default: 'score' })
  reviewShows!: ReviewShows;

  @Column({ type: 'varchar', length: 8, default: 'submit' })
  reviewFrom!: ReviewFrom;
}
