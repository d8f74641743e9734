import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { Difficulty, ItemType } from '@qadam/contracts';
import { QuestionBank } from './question-bank.entity';

/**
 * A question in a bank. Its content lives in versions; this row points at the current one and
 * copies what draws filter on (type, competencies, difficulty).
 */
@Entity('items')
@Unique('items_bank_id_key_key', ['bankId', 'key'])
@Check(
  'items_type_check',
  `"type" IN ('single', 'multiple', 'true_false', 'matching', 'ordering', 'short_answer', 'numeric', 'essay', 'task')`,
)
@Check('items_difficulty_check', `"difficulty" IN ('easy', 'medium', 'hard')`)
@Index('items_bank_live_idx', ['bankId'], { where: '"archived_at" IS NULL' })
export class Item {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  bankId!: string;

  @ManyToOne(() => QuestionBank, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bank_id', foreignKeyConstraintName: 'items_bank_id_fkey' })
  bank?: QuestionBank;

  /** Stable name within the bank, for packages and fixed sections; null for editor items. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  key!: string | null;

  @Column({ type: 'integer' })
  currentVersion!: number;

  @Column({ type: 'uuid' })
  currentVersionId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: ItemType;

  @Column({ type: 'text', array: true })
  competencies!: string[];

  @Column({ type: 'varchar', length: 8 })
  difficulty!: Difficulty;

  /** Archived items are never drawn again; attempts that hold them keep them. */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
