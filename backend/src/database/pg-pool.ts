import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * The node-postgres pool under TypeORM, for the few hot statements that run thousands of times
 * a second: they go as named prepared statements (parsed and planned once per connection) and
 * skip TypeORM's query-runner bookkeeping. Everything else goes through TypeORM.
 */
export function pgPool(ds: DataSource): Pool {
  return (ds.driver as PostgresDriver).master as Pool;
}
