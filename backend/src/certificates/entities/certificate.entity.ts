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
import type { CertificateStatus, LadderLevel } from '@qadam/contracts';
import { Course } from '../../courses/entities/course.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A certificate of the ladder: the ladder gates' source of truth. The certificate worker
 * issues it (PDF, credential); here it is the record of who holds which rung.
 */
@Entity('certificates')
@Check('certificates_status_check', `"status" IN ('pending', 'issued', 'revoked')`)
@Check('certificates_level_check', `"level" IN ('acquire', 'deepen', 'create')`)
// One live certificate per teacher and course.
@Index('certificates_one_live_idx', ['userId', 'courseId'], {
  unique: true,
  where: `"status" <> 'revoked'`,
})
@Index('certificates_user_level_idx', ['userId', 'level', 'status'])
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

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

  @Column({ type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  /** Null: does not expire. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  revokeReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
