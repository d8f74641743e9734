import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { TranslatableText } from '@qadam/contracts';
import { Framework } from './framework.entity';

/** One competency of a framework: an aspect, a block, a standard, an indicator… */
@Entity('competencies')
@Index('competencies_framework_idx', ['frameworkCode', 'position'])
export class Competency {
  /** Stable: `unesco-cft:4.2`, `iste-ed:2.5.b`. */
  @PrimaryColumn({ type: 'varchar', length: 80 })
  code!: string;

  @Column({ type: 'varchar', length: 40 })
  frameworkCode!: string;

  @ManyToOne(() => Framework, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'framework_code',
    foreignKeyConstraintName: 'competencies_framework_code_fkey',
  })
  framework?: Framework;

  /** The code inside its framework: `4.2`. */
  @Column({ type: 'varchar', length: 40 })
  localCode!: string;

  @Column({ type: 'varchar', length: 12 })
  kind!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  parentCode!: string | null;

  /** The framework's progression level (UNESCO: acquire, deepen, create). */
  @Column({ type: 'varchar', length: 12, nullable: true })
  level!: string | null;

  @Column({ type: 'jsonb' })
  name!: TranslatableText;

  @Column({ type: 'jsonb', default: {} })
  description!: TranslatableText;

  @Column({ type: 'text', array: true, default: '{}' })
  aliases!: string[];

  @Column({ type: 'jsonb', default: [] })
  goals!: ({ code: string } & TranslatableText)[];

  @Column({ type: 'integer' })
  position!: number;
}
