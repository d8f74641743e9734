import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Attempt } from './attempt.entity';

/**
 * A graded attempt's score per section and competency: what the competency records turn into
 * evidence. Rewritten whenever the attempt is regraded.
 */
@Entity('attempt_section_results')
@Index('attempt_section_results_competency_idx', ['competency'])
export class SectionResult {
  @PrimaryColumn({ type: 'uuid' })
  attemptId!: string;

  @ManyToOne(() => Attempt, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'attempt_id',
    foreignKeyConstraintName: 'attempt_section_results_attempt_id_fkey',
  })
  attempt?: Attempt;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  sectionKey!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  competency!: string;

  @Column({ type: 'numeric', precision: 9, scale: 3 })
  score!: string;

  @Column({ type: 'numeric', precision: 9, scale: 3 })
  maxScore!: string;

  /** The section's threshold (percent) at grading time. */
  @Column({ type: 'smallint' })
  threshold!: number;
}
