import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { sqliteConnectionOf } from '../../seeds/synthetic';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The synthetic data generator (seeds/synthetic.ts, for the benchmark and test/perf) writes through the
 * better-sqlite3 connection under a TypeORM DataSource, which TypeORM keeps in its driver's
 * `databaseConnection`. These tests fail when TypeORM keeps it elsewhere.
 */
let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url });
  dataSource = createDataSource(config.database);
  await dataSource.initialize();
});
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

test('sqliteConnectionOf is the open better-sqlite3 connection of the DataSource', () => {
  const connection = sqliteConnectionOf(dataSource);
  expect(connection).toBeInstanceOf(Database);
  expect(connection.open).toBe(true);
  expect(connection.name).toBe(dataSource.options.database);
});

test('it is the connection TypeORM runs its statements on (a temporary table is seen by both)', async () => {
  await dataSource.query('CREATE TEMP TABLE "seen" ("id" INTEGER)');
  sqliteConnectionOf(dataSource).prepare('INSERT INTO "seen" ("id") VALUES (1)').run();
  expect(await dataSource.query('SELECT "id" FROM "seen"')).toEqual([{ id: 1 }]);
});
