import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ItemVersion } from './item-version.entity';
import { Attempt } from './attempt.entity';

/** The options' order a teacher was shown, by id. */
export interface Presentation {
  options?: string[];
  stems?: string[];
}

/** An item version drawn into an attempt, where it stands and how it was shown. */
@Entity('attempt_items')
export class AttemptItem {
  @PrimaryColumn({ type: 'uuid' })
  attemptId!: string;

  @ManyToOne(() => Attempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id', foreignKeyConstraintName: 'attempt_items_attempt_id_fkey' })
  attempt?: Attempt;

  @PrimaryColumn({ type: 'uuid' })
  itemVersionId!: string;

  @ManyToOne(() => ItemVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'item_version_id',
    foreignKeyConstraintName: 'attempt_items_item_version_id_fkey',
  })
  itemVersion?: ItemVersion;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar', length: 80 })
  sectionKey!: string;

  @Column({ type: 'numeric', precision: 7, scale: 3 })
  points!: string;

  @Column({ type: 'jsonb' })
  presentation!: Presentation;
}
