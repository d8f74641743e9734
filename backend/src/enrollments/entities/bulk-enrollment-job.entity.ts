import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BulkEnrollmentRowProblem } from '@qadam/contracts';

/**
 * A CSV bulk enrolment. The file is stored with the job, so a job survives a restart of the
 * process that was running it; the report is filled in as rows are checked.
 */
@Entity('bulk_enrollment_jobs')
@Check('bulk_enrollment_jobs_status_check', `"status" IN ('queued', 'running', 'done', 'failed')`)
@Check('bulk_enrollment_jobs_mode_check', `"mode" IN ('all-or-nothing', 'partial')`)
export class BulkEnrollmentJob {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'varchar', length: 14 })
  mode!: 'all-or-nothing' | 'partial';

  @Column({ type: 'varchar', length: 8 })
  status!: 'queued' | 'running' | 'done' | 'failed';

  @Column({ type: 'text' })
  csv!: string;

  @Column({ type: 'integer', default: 0 })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  @Column({ type: 'integer', default: 0 })
  applied!: number;

  @Column({ type: 'jsonb', default: [] })
  problems!: BulkEnrollmentRowProblem[];

  @Column({ type: 'integer', default: 0 })
  moreProblems!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  requestId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
