import { rmSync } from 'node:fs';
import Redis from 'ioredis';
import { Client } from 'pg';
import { loadEnv } from '../../src/config/env';
import { databaseName, withDatabase } from '../../src/database/database-url';

export default async function globalTeardown(): Promise<void> {
  const env = loadEnv();
  const name = databaseName(env.DATABASE_URL);
  if (!name.startsWith('qadam_test_')) return; // never drop anything a test run did not create
  const admin = new Client({ connectionString: withDatabase(env.DATABASE_URL, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  if (env.CERT_DEV_KEY_FILE.includes('qadam-test-')) rmSync(env.CERT_DEV_KEY_FILE, { force: true });
  const redis = new Redis(env.REDIS_URL, { lazyConnect: true });
  await redis.connect();
  try {
    const stream = redis.scanStream({ match: `${env.REDIS_KEY_PREFIX}*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length) await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
