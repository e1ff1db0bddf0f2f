import 'reflect-metadata';
import { prepareDatabase } from '../db/bootstrap';
import { seed } from '../../seeds/seed';
import { ConfigError, describeDatabase, loadConfig } from '../config';
import { createDataSource, forMigrations } from '../db/data-source';

/**
 * `npm run migrate`: runs the pending migrations on the database of DATABASE_URL (and loads the seed
 * when it is empty), then exits. A deployment runs it once before starting its servers, which then find
 * nothing to do and start at once.
 */
async function run(): Promise<void> {
  const config = loadConfig();
  process.stdout.write(`Using the ${describeDatabase(config.database)}\n`);
  const dataSource = createDataSource(forMigrations(config.database));
  await dataSource.initialize();
  try {
    const started = performance.now();
    const { migrated, seeded } = await prepareDatabase(dataSource, seed);
    const pending = migrated === 0 ? 'no pending migrations' : `${migrated} migration(s) run`;
    process.stdout.write(
      `${config.database.type}: ${pending}${seeded ? ', seed data loaded into the empty database' : ''} ` +
        `(${Math.round(performance.now() - started)} ms)\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

run().catch((error: unknown) => {
  const problem =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`migrate failed: ${problem}\n`);
  process.exit(1);
});
