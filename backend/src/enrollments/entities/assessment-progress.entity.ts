import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Enrollment } from './enrollment.entity';

/**
 * The best result of an enrolment in one of its course's assessments, by the assessment's key.
 * Written by the assessment engine; read by progress and completion.
 */
@Entity('assessment_progress')
export class AssessmentProgress {
  @PrimaryColumn({ type: 'uuid' })
  enrollmentId!: string;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'enrollment_id',
    foreignKeyConstraintName: 'assessment_progress_enrollment_id_fkey',
  })
  enrollment?: Enrollment;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  assessmentKey!: string;

  /** Percent, 0–100. */
  @Column({ type: 'real' })
  bestScore!: number;

  @Column({ type: 'timestamptz', nullable: true })
  passedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
