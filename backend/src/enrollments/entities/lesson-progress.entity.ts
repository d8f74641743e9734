import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Enrollment } from './enrollment.entity';

/** A lesson done, kept by the lesson's key so it survives a migration to a newer version. */
@Entity('lesson_progress')
export class LessonProgress {
  @PrimaryColumn({ type: 'uuid' })
  enrollmentId!: string;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'enrollment_id',
    foreignKeyConstraintName: 'lesson_progress_enrollment_id_fkey',
  })
  enrollment?: Enrollment;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  lessonKey!: string;

  @Column({ type: 'timestamptz' })
  completedAt!: Date;
}
