import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TrajectoryRule } from '../trajectory';

/** A development-trajectory rule (see trajectory-rules.yaml); admins may override one. */
@Entity('trajectory_rules')
@Check('trajectory_rules_source_check', `"source" IN ('bundled', 'admin')`)
export class TrajectoryRuleRow {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  key!: string;

  /** The whole rule: when, recommend, because, uses, priority, enabled. */
  @Column({ type: 'jsonb' })
  definition!: TrajectoryRule;

  /** `admin`: changed through the API, so a later load of the data file leaves it alone. */
  @Column({ type: 'varchar', length: 8 })
  source!: 'bundled' | 'admin';

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
