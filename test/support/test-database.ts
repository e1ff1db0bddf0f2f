import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig, parseDatabaseUrl } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';

/**
 * Which database the suite runs on: `npm test` uses SQLite; with DATABASE_URL=postgres://… (as
 * `npm run test:pg` sets it) every test file gets a database of its own on that server.
 */
export const TEST_DATABASE_TYPE = parseDatabaseUrl(process.env.DATABASE_URL).type;

/**
 * For the few tests about one database's own machinery, inside a file that also has tests for both: on
 * the other database the block is not registered at all (nothing is reported as skipped). A file whose
 * tests are all about one database is named `*.sqlite.test.ts` or `*.postgres.test.ts`, and
 * jest.config.js leaves it out on the other database.
 */
const notRegistered = (() => undefined) as unknown as jest.Describe;
export const describeOnSqlite = TEST_DATABASE_TYPE === 'sqlite' ? describe : notRegistered;
export const describeOnPostgres = TEST_DATABASE_TYPE === 'postgres' ? describe : notRegistered;

export interface TestDatabase {
  /** The DATABASE_URL of the new, empty database. */
  readonly url: string;
  /** Deletes the database (closes its connections first on PostgreSQL). */
  drop(): Promise<void>;
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run in a database). */
async function onServer(adminUrl: string, statements: string[]): Promise<void> {
  const admin = new DataSource({ type: 'postgres', url: adminUrl, poolSize: 1 });
  await admin.initialize();
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.destroy();
  }
}

/** A new empty database: a file in a temporary folder, or `fg_test_<random>` on the PostgreSQL server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = parseDatabaseUrl(process.env.DATABASE_URL);
  if (base.type === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'franchise-graph-test-'));
    return {
      url: `sqlite:${join(folder, 'test.sqlite')}`,
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  const name = `fg_test_${randomBytes(6).toString('hex')}`;
  await onServer(base.url, [`CREATE DATABASE "${name}"`]);
  const url = new URL(base.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(base.url, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]),
  };
}

/**
 * For the `*.sqlite.test.ts` files about the SQLite driver's own behaviour: a new SQLite file opened as
 * the server opens it (`createDataSource`, its pragmas and workarounds), with no migrations run.
 */
export async function openSqliteTestDataSource(): Promise<{
  database: TestDatabase;
  dataSource: DataSource;
  path: string;
}> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url });
  if (config.database.type !== 'sqlite') throw new Error('expected a SQLite database');
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  return { database, dataSource, path: config.database.path };
}
