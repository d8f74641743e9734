import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When a materialised view (the monitoring aggregates) was last refreshed. */
@Entity('materialized_refreshes')
export class MaterializedRefresh {
  @PrimaryColumn({
    type: 'varchar',
    length: 80,
    primaryKeyConstraintName: 'materialized_refreshes_pkey',
  })
  name!: string;

  @Column({ type: 'timestamptz' })
  refreshedAt!: Date;
}
