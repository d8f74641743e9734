import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import type { Env } from '../config/env';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The single TypeORM configuration, for the app, the CLI and the tests. Schema changes only through migrations. */
export function dataSourceOptions(
  env: Pick<Env, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install, no superuser needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    extra: { max: env.DATABASE_POOL_SIZE, application_name: 'qadam' },
  };
}
