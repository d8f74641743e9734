import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Lang } from '@qadam/contracts';
import { Course } from '../../courses/entities/course.entity';
import { User } from '../../users/entities/user.entity';

/**
 * An admin's request to issue a course's certificates at once. Its certificates carry its id;
 * progress is counted from them, so it cannot drift from what was issued.
 */
@Entity('certificate_batches')
export class CertificateBatch {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'certificate_batches_course_id_fkey' })
  course?: Course;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'requested_by',
    foreignKeyConstraintName: 'certificate_batches_requested_by_fkey',
  })
  requester?: User;

  @Column({ type: 'text', array: true, default: '{kk,ru}' })
  languages!: Lang[];

  /** The uploaded list (e-mails or IINs), or null for every eligible enrolment. */
  @Column({ type: 'text', array: true, nullable: true })
  requested!: string[] | null;

  /** Listed teachers who could not be given a certificate, with the reason code. */
  @Column({ type: 'jsonb', default: [] })
  notEligible!: { who: string; code: string }[];

  /** Certificates this batch created. */
  @Column({ type: 'integer' })
  total!: number;

  /** Eligible teachers who already held a live certificate of the course. */
  @Column({ type: 'integer', default: 0 })
  skipped!: number;

  /** Same course and list within a short time: the same batch (a double click). */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
