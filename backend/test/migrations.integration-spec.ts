import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadEnv } from '../src/config/env';
import { dataSourceOptions } from '../src/database/database-options';
import { withDatabase } from '../src/database/database-url';
import { MIGRATIONS } from '../src/database/migrations';

/**
 * On a scratch database of its own: the committed migrations must build exactly the schema the
 * entities describe (no drift), and must revert cleanly.
 */
describe('migrations', () => {
  const env = loadEnv();
  const name = `qadam_test_migrations_${randomBytes(3).toString('hex')}`;
  let ds: DataSource;

  const admin = async <T>(fn: (c: Client) => Promise<T>): Promise<T> => {
    const c = new Client({ connectionString: withDatabase(env.DATABASE_URL, 'postgres') });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE "${name}"`));
    ds = new DataSource({
      ...dataSourceOptions({ ...env, DATABASE_URL: withDatabase(env.DATABASE_URL, name) }),
      logging: false,
    });
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  const tables = async () =>
    (
      await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      )
    ).map((r: { table_name: string }) => r.table_name);

  it('apply in order and leave nothing pending', async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(await ds.showMigrations()).toBe(false);
    const entityTables = ds.entityMetadatas.map((m) => m.tableName);
    expect(await tables()).toEqual([...entityTables, 'migrations'].sort());
  });

  it('match the entities exactly: generating a migration now would produce nothing', async () => {
    const drift = await ds.driver.createSchemaBuilder().log();
    expect(drift.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('use snake_case names', async () => {
    const columns = (
      await ds.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'`,
      )
    ).map((r: { column_name: string }) => r.column_name);
    expect(columns).toEqual(
      expect.arrayContaining([
        'password_hash',
        'full_name',
        'school_kind',
        'family_id',
        'created_at',
      ]),
    );
    expect(columns.filter((c: string) => /[A-Z]/.test(c))).toEqual([]);
  });

  it('revert completely, and apply again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['migrations']);
    await ds.runMigrations({ transaction: 'each' });
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
