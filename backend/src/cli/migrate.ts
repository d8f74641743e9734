import { DataSource } from 'typeorm';
import { loadEnv } from '../config/env';
import { dataSourceOptions } from '../database/database-options';
import { ensureDatabase } from '../database/ensure-database';
import { seedFrameworks } from '../competencies/framework-store';

/** `npm run db:migrate` (creates the database if missing, then loads the bundled frameworks), `npm run db:revert`, `npm run db:status`. */
async function main(command: string): Promise<void> {
  const env = loadEnv();
  if (command === 'run' && (await ensureDatabase(env.DATABASE_URL))) {
    console.log('Created the database.');
  }
  const ds = new DataSource({ ...dataSourceOptions(env), logging: ['error'] });
  await ds.initialize();
  try {
    if (command === 'run') {
      const applied = await ds.runMigrations({ transaction: 'each' });
      console.log(
        applied.length
          ? `Applied: ${applied.map((m) => m.name).join(', ')}`
          : 'The schema is up to date.',
      );
      const seeded = await seedFrameworks(ds);
      console.log(`Competency frameworks: ${seeded.frameworks}, crosswalk links: ${seeded.links}.`);
    } else if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    } else if (command === 'status') {
      const pending = await ds.showMigrations();
      console.log(pending ? 'There are pending migrations.' : 'The schema is up to date.');
    } else {
      throw new Error(`Unknown command "${command}": use run, revert or status.`);
    }
  } finally {
    await ds.destroy();
  }
}

main(process.argv[2] ?? 'run').catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
