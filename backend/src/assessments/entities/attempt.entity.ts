import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { AttemptStatus } from '@qadam/contracts';
import { CourseAssessment } from '../../courses/entities/course-assessment.entity';
import { Enrollment } from '../../enrollments/entities/enrollment.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A teacher's attempt at an assessment of their enrolled version. `in_progress` until the
 * teacher submits or the server closes it at the deadline; `submitted` while hand-graded parts
 * wait; `graded` when the result is final.
 */
@Entity('attempts')
@Check('attempts_status_check', `"status" IN ('in_progress', 'submitted', 'graded')`)
@Check('attempts_closed_by_check', `"closed_by" IN ('teacher', 'deadline')`)
// One unfinished attempt per enrolment and assessment: a double click starts one.
@Index('attempts_one_open_idx', ['enrollmentId', 'assessmentKey'], {
  unique: true,
  where: `"status" = 'in_progress'`,
})
@Index('attempts_enrollment_key_idx', ['enrollmentId', 'assessmentKey'])
@Index('attempts_open_deadline_idx', ['deadline'], { where: `"status" = 'in_progress'` })
@Index('attempts_assessment_idx', ['assessmentId'])
export class Attempt {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'attempts_user_id_fkey' })
  user?: User;

  @Column({ type: 'uuid' })
  enrollmentId!: string;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'attempts_enrollment_id_fkey' })
  enrollment?: Enrollment;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => CourseAssessment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'attempts_assessment_id_fkey' })
  assessment?: CourseAssessment;

  /** Stable across versions: attempts allowed and progress are counted by it. */
  @Column({ type: 'varchar', length: 80 })
  assessmentKey!: string;

  @Column({ type: 'smallint' })
  number!: number;

  @Column({ type: 'varchar', length: 12 })
  status!: AttemptStatus;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deadline!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  closedBy!: 'teacher' | 'deadline' | null;

  @Column({ type: 'numeric', precision: 9, scale: 3, nullable: true })
  score!: string | null;

  @Column({ type: 'numeric', precision: 9, scale: 3 })
  maxScore!: string;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true })
  percent!: string | null;

  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;

  @Column({ type: 'timestamptz', nullable: true })
  gradedAt!: Date | null;
}
