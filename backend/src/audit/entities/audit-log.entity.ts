import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only record of every staff action (a trigger refuses UPDATE and DELETE). No foreign
 * key to users: the record must outlive the account it mentions.
 */
@Entity('audit_log')
@Index('audit_log_target_idx', ['targetType', 'targetId', 'createdAt'])
export class AuditLog {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Index('audit_log_actor_id_idx')
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  action!: string;

  @Column({ type: 'varchar', length: 50 })
  targetType!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  targetId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  requestId!: string | null;

  @Index('audit_log_created_at_idx')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
