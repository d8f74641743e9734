import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { ItemDefinition } from '@qadam/contracts';
import { Item } from './item.entity';

/**
 * One version of an item's content, key included. Attempts hold versions, so editing an item
 * (a new version) never changes an attempt already started. The only change made in place is
 * an audited key correction, which regrades the attempts that hold the version.
 */
@Entity('item_versions')
@Unique('item_versions_item_id_version_key', ['itemId', 'version'])
export class ItemVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  itemId!: string;

  @ManyToOne(() => Item, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'item_versions_item_id_fkey' })
  item?: Item;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  definition!: ItemDefinition;

  /** SHA-256 of the canonical definition: re-importing the same content makes no version. */
  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  keyCorrectedAt!: Date | null;
}
