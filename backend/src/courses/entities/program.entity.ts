import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LadderLevel, TranslatableText } from '@qadam/contracts';

/** One program per rung of the ladder; seeded by a migration, since the ladder is fixed. */
@Entity('programs')
export class Program {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  level!: LadderLevel;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'jsonb' })
  title!: TranslatableText;

  @Column({ type: 'jsonb' })
  description!: TranslatableText;
}
