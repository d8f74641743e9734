import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { TranslatableText } from '@qadam/contracts';
import { Competency } from './competency.entity';

/** A crosswalk link between competencies of two frameworks, read both ways, with why. */
@Entity('competency_links')
@Index('competency_links_to_idx', ['toCode'])
export class CompetencyLink {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  fromCode!: string;

  @ManyToOne(() => Competency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_code', foreignKeyConstraintName: 'competency_links_from_code_fkey' })
  from?: Competency;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  toCode!: string;

  @ManyToOne(() => Competency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_code', foreignKeyConstraintName: 'competency_links_to_code_fkey' })
  to?: Competency;

  @Column({ type: 'jsonb', default: {} })
  note!: TranslatableText;
}
