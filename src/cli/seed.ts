import 'reflect-metadata';
import { prepareDatabase } from '../db/bootstrap';
import { describeDatabase, loadConfig } from '../config';
import { createDataSource } from '../db/data-source';
import { seed } from '../../seeds/seed';

/** `npm run seed`: migrates the database in DATABASE_URL and loads the real seed data (idempotent). */
async function run(): Promise<void> {
  const { database } = loadConfig();
  process.stdout.write(`Using the ${describeDatabase(database)}\n`);
  const dataSource = createDataSource(database);
  await dataSource.initialize();
  try {
    const { seeded } = await prepareDatabase(dataSource, seed);
    if (!seeded) await seed(dataSource);
    process.stdout.write('Seed data loaded.\n');
  } finally {
    await dataSource.destroy();
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
