import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { TranslatableText } from '@qadam/contracts';

/**
 * A named group of items that assessments draw from or pick by key (`bank-key/item-key`).
 * Banks outlive course versions: their items are versioned one by one.
 */
@Entity('question_banks')
export class QuestionBank {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 80, unique: true })
  key!: string;

  @Column({ type: 'jsonb' })
  title!: TranslatableText;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
