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
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { CourseDocument, VersionStatus } from '@qadam/contracts';
import { Course } from './course.entity';

export const OPEN_VERSION_STATUSES: readonly VersionStatus[] = ['draft', 'in_review', 'approved'];

/**
 * One version of a course. Authors edit the document of the open version (draft → in review →
 * approved); publishing freezes it (a trigger refuses later changes to its document) and
 * materialises modules, lessons and assessments for reading.
 */
@Entity('course_versions')
@Unique('course_versions_course_id_number_key', ['courseId', 'number'])
@Check(
  'course_versions_status_check',
  `"status" IN ('draft', 'in_review', 'approved', 'published', 'superseded')`,
)
@Check('course_versions_source_check', `"source" IN ('editor', 'package')`)
// At most one open (unpublished) version per course.
@Index('course_versions_one_open_idx', ['courseId'], {
  unique: true,
  where: `"status" IN ('draft', 'in_review', 'approved')`,
})
export class CourseVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'course_versions_course_id_fkey' })
  course?: Relation<Course>;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'varchar', length: 12 })
  status!: VersionStatus;

  @Column({ type: 'varchar', length: 8 })
  source!: 'editor' | 'package';

  @Column({ type: 'jsonb' })
  document!: CourseDocument;

  /** SHA-256 of the canonical document: re-importing an unchanged package is a no-op. */
  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  reviewComment!: string | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
