import { QueryFailedError, type DataSource } from 'typeorm';
import { readerFor } from '../../src/db/sql-tally';
import { readSqliteRows } from '../../src/db/sqlite-raw-rows';
import { openSqliteTestDataSource, type TestDatabase } from '../support/test-database';

/**
 * The loaders read SQLite rows through `readSqliteRows` (src/db/sqlite-raw-rows.ts): better-sqlite3's
 * raw mode on the reader's own cached statement, the objects made in JavaScript. These tests fail when
 * what it returns differs from TypeORM's `query()`, when its statement is not counted, when it leaves
 * the shared statement in raw mode, or when it reads outside the transaction it is given.
 */
let database: TestDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  ({ database, dataSource } = await openSqliteTestDataSource());
  await dataSource.query(
    'CREATE TABLE probe (id INTEGER PRIMARY KEY, slug TEXT NOT NULL, name TEXT, kind TEXT NOT NULL)',
  );
  await dataSource.query(
    `INSERT INTO probe (slug, name, kind) VALUES ('one', 'One', 'FRANCHISE'), ('two', NULL, 'SERIES')`,
  );
});
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

const SQL = `SELECT f.id AS "f_id", f.slug AS "f_slug", f.name AS "f_name", NULL AS "f_none",
  f.kind = ? AS "f_isFranchise" FROM probe f WHERE f.id IN (SELECT value FROM json_each(?)) ORDER BY f.id`;

test('the same rows as TypeORM’s query(): keys in order, values, nulls, a bound boolean', async () => {
  const tally = { statements: 0 };
  const reader = readerFor(dataSource, tally);
  const ids = JSON.stringify([1, 2, 3]);
  const expected = (await reader.query(SQL, ['FRANCHISE', ids])) as Record<string, unknown>[];
  const rows = await readSqliteRows(dataSource, reader.queryRunner, SQL, ['FRANCHISE', ids]);
  expect(rows).toHaveLength(2);
  expect(rows.map((row) => ({ ...row }))).toEqual(expected);
  expect(rows.map((row) => Object.keys(row))).toEqual(expected.map((row) => Object.keys(row)));
  expect(rows[0]).toMatchObject({ f_slug: 'one', f_none: null, f_isFranchise: 1 });
  expect(rows[1]).toMatchObject({ f_slug: 'two', f_name: null, f_isFranchise: 0 });
  // Booleans are bound as 0/1, as TypeORM's runner binds them.
  const flagged = await readSqliteRows(
    dataSource,
    reader.queryRunner,
    'SELECT ? AS "yes", ? AS "no"',
    [true, false],
  );
  expect({ ...flagged[0] }).toEqual({ yes: 1, no: 0 });
  // Each call is one of the request's statements, as through query().
  expect(tally.statements).toBe(3);
});

test('leaves the cached statement as it found it: query() on the same text still gets objects', async () => {
  const reader = readerFor(dataSource, { statements: 0 });
  await readSqliteRows(dataSource, reader.queryRunner, SQL, ['FRANCHISE', '[1]']);
  const after = (await reader.query(SQL, ['FRANCHISE', '[1]'])) as unknown[];
  expect(Array.isArray(after[0])).toBe(false);
  expect(after[0]).toMatchObject({ f_slug: 'one' });
});

test('reads inside the transaction it is given (a write not yet committed)', async () => {
  const seen = await dataSource
    .transaction(async (manager) => {
      await manager.query(`INSERT INTO probe (slug, kind) VALUES ('three', 'FRANCHISE')`);
      const rows = await readSqliteRows(
        dataSource,
        manager.queryRunner,
        'SELECT slug FROM probe ORDER BY id',
        [],
      );
      throw Object.assign(new Error('roll back'), { rows });
    })
    .catch((error: { rows?: Record<string, unknown>[] }) => error.rows);
  expect(seen?.map((row) => row.slug)).toEqual(['one', 'two', 'three']);
  const after = await readSqliteRows(
    dataSource,
    readerFor(dataSource, { statements: 0 }).queryRunner,
    'SELECT slug FROM probe ORDER BY id',
    [],
  );
  expect(after.map((row) => row.slug)).toEqual(['one', 'two']);
});

test('a failing statement is a QueryFailedError, as from query()', async () => {
  const reader = readerFor(dataSource, { statements: 0 });
  await expect(
    readSqliteRows(dataSource, reader.queryRunner, 'SELECT nope FROM probe', []),
  ).rejects.toBeInstanceOf(QueryFailedError);
});
