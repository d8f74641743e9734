import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ItemResponse } from '@qadam/contracts';
import { Attempt } from './attempt.entity';
import { ItemVersion } from './item-version.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A teacher's saved answer to one item of an attempt, and its grade. Autosave upserts it; the
 * grader fills the grade (objective items at close, hand-graded ones from the grading queue).
 */
@Entity('responses')
@Index('responses_grading_queue_idx', ['attemptId'], { where: '"needs_grading"' })
export class Response {
  @PrimaryColumn({ type: 'uuid' })
  attemptId!: string;

  @ManyToOne(() => Attempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id', foreignKeyConstraintName: 'responses_attempt_id_fkey' })
  attempt?: Attempt;

  @PrimaryColumn({ type: 'uuid' })
  itemVersionId!: string;

  @ManyToOne(() => ItemVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'item_version_id',
    foreignKeyConstraintName: 'responses_item_version_id_fkey',
  })
  itemVersion?: ItemVersion;

  @Column({ type: 'jsonb', nullable: true })
  response!: ItemResponse;

  @Column({ type: 'timestamptz', nullable: true })
  savedAt!: Date | null;

  /** 0–1 of the item's points; null until graded. */
  @Column({ type: 'numeric', precision: 10, scale: 8, nullable: true })
  fraction!: string | null;

  @Column({ type: 'boolean', default: false })
  needsGrading!: boolean;

  /** Hand grading: the level chosen per rubric criterion. */
  @Column({ type: 'jsonb', nullable: true })
  rubricLevels!: Record<string, string> | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'uuid', nullable: true })
  gradedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'graded_by', foreignKeyConstraintName: 'responses_graded_by_fkey' })
  grader?: User;

  @Column({ type: 'timestamptz', nullable: true })
  gradedAt!: Date | null;
}
