import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type {
  CertificateSource,
  CertificateStatus,
  LadderLevel,
  Lang,
  TranslatableText,
} from '@qadam/contracts';
import { Course } from '../../courses/entities/course.entity';
import { User } from '../../users/entities/user.entity';
import { CertificateBatch } from './certificate-batch.entity';

/**
 * A certificate of the ladder: the ladder gates' source of truth. It is written `pending` in the
 * transaction that earns it (a passed final, an admin's batch); the certificate worker renders
 * and signs it and only then marks it `issued`. What it shows (name, title, hours, competencies)
 * is frozen at issue.
 */
@Entity('certificates')
@Check('certificates_status_check', `"status" IN ('pending', 'issued', 'revoked', 'failed')`)
@Check('certificates_level_check', `"level" IN ('acquire', 'deepen', 'create')`)
@Check('certificates_source_check', `"source" IN ('assessment', 'batch', 'reissue')`)
// One live certificate per teacher and course.
@Index('certificates_one_live_idx', ['userId', 'courseId'], {
  unique: true,
  where: `"status" <> 'revoked'`,
})
@Index('certificates_number_key', ['number'], { unique: true })
@Index('certificates_status_index_key', ['statusIndex'], { unique: true })
@Index('certificates_user_level_idx', ['userId', 'level', 'status'])
@Index('certificates_batch_idx', ['batchId'], { where: '"batch_id" IS NOT NULL' })
@Index('certificates_unsettled_idx', ['status', 'createdAt'], {
  where: `"status" IN ('pending', 'failed')`,
})
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Printed on the certificate: QDM-<year>-<7 digits>, from a sequence. */
  @Column({ type: 'varchar', length: 20, default: () => 'certificate_next_number()' })
  number!: string;

  /** Position in the revocation status list (BitstringStatusList), from a sequence. */
  @Column({ type: 'integer', default: () => 'certificate_next_status_index()' })
  statusIndex!: number;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'certificates_user_id_fkey' })
  user?: User;

  @Column({ type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'certificates_course_id_fkey' })
  course?: Course;

  @Column({ type: 'varchar', length: 10 })
  level!: LadderLevel;

  @Column({ type: 'varchar', length: 8 })
  status!: CertificateStatus;

  @Column({ type: 'varchar', length: 10, default: 'assessment' })
  source!: CertificateSource;

  /** kk and ru always; en on request. */
  @Column({ type: 'text', array: true, default: '{kk,ru}' })
  languages!: Lang[];

  @Column({ type: 'uuid', nullable: true })
  enrollmentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  attemptId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  batchId!: string | null;

  @ManyToOne(() => CertificateBatch, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'batch_id', foreignKeyConstraintName: 'certificates_batch_id_fkey' })
  batch?: CertificateBatch;

  /** The certificate this one re-issues (revoked in the same transaction). */
  @Column({ type: 'uuid', nullable: true })
  replacesId!: string | null;

  /** Bumped by an admin's retry of a failed issue, so the retry gets a job id of its own. */
  @Column({ type: 'smallint', default: 1 })
  generation!: number;

  /** Salt of the holder's e-mail hash in the credential. */
  @Column({ type: 'varchar', length: 32, default: () => 'certificate_new_salt()' })
  holderSalt!: string;

  // Frozen at issue: a later change of name or course does not alter an issued certificate.
  @Column({ type: 'text', nullable: true })
  holderName!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  courseTitle!: TranslatableText | null;

  @Column({ type: 'integer', nullable: true })
  hours!: number | null;

  @Column({ type: 'text', array: true, nullable: true })
  competencies!: string[] | null;

  @Column({ type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  /** Null: does not expire. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  revokeReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy!: string | null;

  /** Why the last issue failed for good (after the worker's retries). */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
