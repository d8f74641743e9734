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
import { Course } from '../../courses/entities/course.entity';
import { CourseVersion } from '../../courses/entities/course-version.entity';

/**
 * A run of a cohort (or profile) course: dates, seats, an enrolment window and a waitlist. Its
 * members study `versionId` until an admin migrates the cohort to a newer version.
 */
@Entity('cohorts')
@Check('cohorts_seats_check', `"seats" > 0`)
@Check('cohorts_waitlist_limit_check', `"waitlist_limit" >= 0`)
@Check('cohorts_dates_check', `"ends_on" >= "starts_on"`)
@Check('cohorts_window_check', `"enrolment_closes_at" > "enrolment_opens_at"`)
export class Cohort {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Human code used in CSV files, e.g. `DEEPEN-PRIMARY-2026-01`. */
  @Index('cohorts_code_key', { unique: true })
  @Column({ type: 'varchar', length: 60 })
  code!: string;

  @Index('cohorts_course_id_idx')
  @Column({ type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'cohorts_course_id_fkey' })
  course?: Course;

  @Column({ type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => CourseVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'cohorts_version_id_fkey' })
  version?: CourseVersion;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date' })
  endsOn!: string;

  @Column({ type: 'timestamptz' })
  enrolmentOpensAt!: Date;

  @Column({ type: 'timestamptz' })
  enrolmentClosesAt!: Date;

  @Column({ type: 'integer' })
  seats!: number;

  @Column({ type: 'integer' })
  waitlistLimit!: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
