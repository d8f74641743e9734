import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TranslatableText } from '@qadam/contracts';

/** A competency framework (UNESCO AI CFT, ISTE, a national standard…), loaded from data. */
@Entity('frameworks')
@Check('frameworks_source_check', `"source" IN ('bundled', 'admin')`)
export class Framework {
  /** The prefix of its competencies' codes: `unesco-cft` in `unesco-cft:4.2`. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 40 })
  version!: string;

  @Column({ type: 'jsonb' })
  title!: TranslatableText;

  @Column({ type: 'varchar', length: 200 })
  publisher!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text', nullable: true })
  licence!: string | null;

  @Column({ type: 'text', nullable: true })
  citation!: string | null;

  /** `bundled`: from the repository's data files (re-seeded); `admin`: added through the API. */
  @Column({ type: 'varchar', length: 8 })
  source!: 'bundled' | 'admin';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
