import { Client } from 'pg';
import { databaseName, withDatabase } from './database-url';

/** Creates the database named in the URL if it does not exist yet (first start on a new machine). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return false;
    await admin.query(
      `CREATE DATABASE "${name.replace(/"/g, '""')}" ENCODING 'UTF8' TEMPLATE template0`,
    );
    return true;
  } finally {
    await admin.end();
  }
}
