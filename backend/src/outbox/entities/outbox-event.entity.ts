import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event written in the same transaction as the change it announces (the transactional
 * outbox), so no event is lost or invented when a process dies. A dispatcher moves undispatched
 * rows into their queues; the consumer marks a row processed in the transaction that acts on
 * it, so a row dispatched but never processed (a queue emptied, a job lost) is dispatched again.
 */
@Entity('outbox')
@Index('outbox_pending_idx', ['id'], { where: '"dispatched_at" IS NULL' })
@Index('outbox_in_flight_idx', ['dispatchedAt'], {
  where: '"dispatched_at" IS NOT NULL AND "processed_at" IS NULL',
})
export class OutboxEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 80 })
  topic!: string;

  /** Makes an event at most once per fact (e.g. one per enrolment's passed final). */
  @Column({ type: 'varchar', length: 200, unique: true })
  dedupeKey!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
