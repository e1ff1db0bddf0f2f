import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { CountingLogger } from '../../src/db/sql-tally';
import { BEGIN_IMMEDIATE, TYPEORM_BEGIN } from '../../src/db/sqlite-begin-immediate';
import { closeWriter, withWriteTransaction } from '../../src/db/transactions';
import { openSqliteTestDataSource, type TestDatabase } from '../support/test-database';

/**
 * SQLite write transactions begin IMMEDIATE (src/db/sqlite-begin-immediate.ts) by rewriting the exact
 * statement TypeORM sends to begin one. These tests fail when TypeORM sends something else, or when the
 * rewrite no longer reaches SQLite.
 */
let database: TestDatabase;
let dataSource: DataSource;
let path: string;

beforeAll(async () => {
  ({ database, dataSource, path } = await openSqliteTestDataSource());
  await dataSource.query('CREATE TABLE "note" ("id" INTEGER PRIMARY KEY, "text" TEXT)');
});
afterAll(async () => {
  await closeWriter(dataSource);
  await dataSource.destroy();
  await database.drop();
});

/** Runs `work` and returns the statements TypeORM logged meanwhile, on any of its DataSources. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const logged = jest.spyOn(CountingLogger.prototype, 'logQuery');
  try {
    await work();
    return logged.mock.calls.map((call) => call[0]);
  } finally {
    logged.mockRestore();
  }
}

/** Whether another connection to the file can take the write lock right now (no waiting). */
function anotherConnectionCanWrite(): boolean {
  const other = new Database(path, { timeout: 0 });
  try {
    other.exec('BEGIN IMMEDIATE');
    other.exec('ROLLBACK');
    return true;
  } catch (error) {
    expect((error as { code?: string }).code).toBe('SQLITE_BUSY');
    return false;
  } finally {
    other.close();
  }
}

test("TypeORM's own SQLite transaction still begins with exactly 'BEGIN TRANSACTION' (the statement rewritten)", async () => {
  expect(TYPEORM_BEGIN).toBe('BEGIN TRANSACTION');
  const statements = await statementsOf(() =>
    dataSource.transaction((manager) => manager.query('SELECT 1 AS one')),
  );
  expect(statements).toEqual([TYPEORM_BEGIN, 'SELECT 1 AS one', 'COMMIT']);
});

test("TypeORM's own transaction is deferred: it does not hold the write lock before its first write", async () => {
  const canWrite = await dataSource.transaction(async (manager) => {
    await manager.query('SELECT 1 AS one');
    return anotherConnectionCanWrite();
  });
  expect(canWrite).toBe(true);
});

test("a write transaction sends 'BEGIN IMMEDIATE TRANSACTION' instead", async () => {
  const statements = await statementsOf(() =>
    withWriteTransaction(dataSource, (manager) =>
      manager.query(`INSERT INTO "note" ("text") VALUES ('first')`),
    ),
  );
  expect(BEGIN_IMMEDIATE).toBe('BEGIN IMMEDIATE TRANSACTION');
  expect(statements).toEqual([
    BEGIN_IMMEDIATE,
    `INSERT INTO "note" ("text") VALUES ('first')`,
    'COMMIT',
  ]);
});

test('a write transaction holds the write lock from its start, before any write', async () => {
  const canWrite = await withWriteTransaction(dataSource, async (manager) => {
    await manager.query('SELECT 1 AS one');
    return anotherConnectionCanWrite();
  });
  expect(canWrite).toBe(false);
  expect(anotherConnectionCanWrite()).toBe(true);
});

test('the rewrite leaves every other statement as it is, savepoints of nested transactions too', async () => {
  const statements = await statementsOf(() =>
    withWriteTransaction(dataSource, (manager) =>
      manager.transaction((inner) => inner.query('SELECT 2 AS two')),
    ),
  );
  expect(statements).toEqual([
    BEGIN_IMMEDIATE,
    'SAVEPOINT typeorm_1',
    'SELECT 2 AS two',
    'RELEASE SAVEPOINT typeorm_1',
    'COMMIT',
  ]);
});
