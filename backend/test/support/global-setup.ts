import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadEnv } from '../../src/config/env';
import { seedFrameworks } from '../../src/competencies/framework-store';
import { dataSourceOptions } from '../../src/database/database-options';
import { databaseName, withDatabase } from '../../src/database/database-url';

/**
 * A fresh database per run, migrated with the committed migrations, so tests see exactly what
 * production gets. Redis keys are namespaced per run the same way.
 */
export default async function globalSetup(): Promise<void> {
  const base = loadEnv();
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const name = `qadam_test_${suffix}`;
  const admin = new Client({ connectionString: withDatabase(base.DATABASE_URL, 'postgres') });
  await admin.connect();
  try {
    await dropAbandoned(admin);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(base.DATABASE_URL, name);
  const ds = new DataSource({
    ...dataSourceOptions({ ...base, DATABASE_URL: url }),
    logging: false,
  });
  await ds.initialize();
  await ds.runMigrations();
  await seedFrameworks(ds);
  await ds.destroy();

  // Inherited by the test workers and read by the app through the env schema.
  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL = url;
  process.env.REDIS_KEY_PREFIX = `qadam-test-${suffix}`.replace(/_/g, '-');
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.QADAM_TEST_BASE_DATABASE = databaseName(base.DATABASE_URL);
  // The run's own issuer key, outside the checkout (the API and the workers share it).
  process.env.CERT_DEV_KEY_FILE = join(tmpdir(), `qadam-test-${suffix}-issuer-key.txt`);
}

/** Databases of earlier runs that died before their teardown (the creating pid is in the name). */
async function dropAbandoned(admin: Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname ~ '^qadam_test_[0-9]+_[0-9a-f]+$'`,
  );
  for (const { datname } of rows) {
    const pid = Number(datname.split('_')[2]);
    if (!isAlive(pid)) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
