import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { EnrollmentStatus } from '@qadam/contracts';
import { Course } from '../../courses/entities/course.entity';
import { CourseVersion } from '../../courses/entities/course-version.entity';
import { User } from '../../users/entities/user.entity';
import { Cohort } from './cohort.entity';

/** Statuses that hold a place in a course: one such enrolment per teacher and course. */
export const LIVE_STATUSES: readonly EnrollmentStatus[] = [
  'pending',
  'waitlisted',
  'active',
  'completed',
];
/** Statuses that take a cohort seat. */
export const SEATED_STATUSES: readonly EnrollmentStatus[] = ['active', 'completed'];

/**
 * A teacher in a course, pinned to the version they enrolled in. Cohort applications start
 * `pending`; approval makes them `active`, or `waitlisted` when the cohort is full.
 */
@Entity('enrollments')
@Check(
  'enrollments_status_check',
  `"status" IN ('pending', 'waitlisted', 'active', 'completed', 'rejected', 'withdrawn')`,
)
@Check('enrollments_source_check', `"source" IN ('self', 'bulk', 'admin')`)
@Check('enrollments_progress_check', `"progress" BETWEEN 0 AND 1`)
@Index('enrollments_one_live_idx', ['userId', 'courseId'], {
  unique: true,
  where: `"status" IN ('pending', 'waitlisted', 'active', 'completed')`,
})
@Index('enrollments_cohort_status_idx', ['cohortId', 'status', 'waitlistedAt'])
@Index('enrollments_course_version_idx', ['courseId', 'versionId'])
export class Enrollment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('enrollments_user_id_idx')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'enrollments_user_id_fkey' })
  user?: User;

  @Column({ type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'enrollments_course_id_fkey' })
  course?: Course;

  @Column({ type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => CourseVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'enrollments_version_id_fkey' })
  version?: CourseVersion;

  @Column({ type: 'uuid', nullable: true })
  cohortId!: string | null;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id', foreignKeyConstraintName: 'enrollments_cohort_id_fkey' })
  cohort?: Cohort;

  @Column({ type: 'varchar', length: 10 })
  status!: EnrollmentStatus;

  @Column({ type: 'varchar', length: 6 })
  source!: 'self' | 'bulk' | 'admin';

  @Column({ type: 'real', default: 0 })
  progress!: number;

  /** When the approved application joined the waitlist: its order. */
  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Why an application was rejected. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
