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
import type { EvidenceSource } from '@qadam/contracts';
import { User } from '../../users/entities/user.entity';
import { Competency } from './competency.entity';

/**
 * A fact that a teacher has shown a competency. Never edited (a trigger refuses it): an admin
 * annuls one with a reason, and everything computed from evidence leaves it out.
 */
@Entity('competency_evidence')
@Check(
  'competency_evidence_source_check',
  `"source_type" IN ('section', 'rubric', 'certificate', 'recognition')`,
)
// One record per fact: the same section, criterion or certificate never counts twice.
@Index('competency_evidence_fact_key', ['userId', 'competencyCode', 'sourceType', 'sourceId'], {
  unique: true,
})
@Index('competency_evidence_live_idx', ['userId', 'competencyCode'], {
  where: '"annulled_at" IS NULL',
})
@Index('competency_evidence_source_idx', ['sourceType', 'sourceId'])
export class CompetencyEvidence {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'competency_evidence_user_id_fkey' })
  user?: User;

  @Column({ type: 'varchar', length: 80 })
  competencyCode!: string;

  @ManyToOne(() => Competency, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'competency_code',
    foreignKeyConstraintName: 'competency_evidence_competency_code_fkey',
  })
  competency?: Competency;

  /** The ladder level of the course that produced it (null for a recognition without one). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  level!: string | null;

  @Column({ type: 'varchar', length: 12 })
  sourceType!: EvidenceSource;

  /** `<attempt>/<section>`, `<attempt>/<item version>/<criterion>`, a certificate id… */
  @Column({ type: 'varchar', length: 200 })
  sourceId!: string;

  /** Percent, where the source has one. */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  score!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;

  /** Who recorded a recognition of prior learning, and why. */
  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  annulledAt!: Date | null;

  /** Null: annulled by the system (a regrade below the threshold, a revoked certificate). */
  @Column({ type: 'uuid', nullable: true })
  annulledBy!: string | null;

  @Column({ type: 'text', nullable: true })
  annulReason!: string | null;
}
