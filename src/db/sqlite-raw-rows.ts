import { QueryFailedError, type DataSource, type QueryRunner } from 'typeorm';
import type { Statement } from 'better-sqlite3';

/** A row as TypeORM's `query()` returns it: one property per selected column, by its alias. */
export type Row = Record<string, unknown>;

/** The part of TypeORM's better-sqlite3 query runner used here (its statement cache). */
interface SqliteRunner {
  getStmt(query: string): Promise<Statement>;
}

/** A constructor of rows of one column list: `new RowOf(values)` sets each alias from its value. */
type RowConstructor = new (values: readonly unknown[]) => Row;

/** Per prepared statement, the row constructor of its columns. */
const rowConstructors = new WeakMap<Statement, RowConstructor>();

function rowConstructorOf(statement: Statement): RowConstructor {
  let RowOf = rowConstructors.get(statement);
  if (!RowOf) {
    const body = statement
      .columns()
      .map((column, i) => `this[${JSON.stringify(column.name)}] = values[${i}];`)
      .join('\n');
    // One class per column list: every row gets the same shape, its properties set in one place.
    RowOf = new Function('values', body) as unknown as RowConstructor;
    rowConstructors.set(statement, RowOf);
  }
  return RowOf;
}

/**
 * `runner.query(sql, values)` for a read on SQLite, with the rows built in JavaScript.
 *
 * better-sqlite3 builds each row object from C++ one property at a time, which on a loader's thousands
 * of rows cost about as much as SQLite's own work (2,041 rows of 13 columns: 9.5 ms as objects,
 * 5.8 ms as arrays turned into objects here). This reads the rows as arrays (`raw` mode) and makes
 * each object with a constructor generated for the statement's columns, so every row has the same
 * shape. It runs on the given query runner (a request's reader's, or a write transaction's): the same
 * connection, the same statement cache, the same logger call that counts the request's statements.
 * The statement leaves raw mode before this returns (better-sqlite3 runs synchronously, so no other
 * query sees it in that mode). test/workarounds/sqlite-raw-rows.sqlite.test.ts pins what it relies on.
 */
export async function readSqliteRows(
  dataSource: DataSource,
  given: QueryRunner | undefined,
  sql: string,
  values: readonly unknown[],
): Promise<Row[]> {
  const runner = given ?? dataSource.createQueryRunner();
  // As TypeORM's runner does: better-sqlite3 cannot bind booleans.
  const bound = values.map((value) =>
    typeof value === 'boolean' ? (value ? 1 : 0) : value,
  ) as unknown[];
  dataSource.logger.logQuery(sql, bound, runner);
  let arrays: unknown[][];
  let statement: Statement;
  try {
    statement = await (runner as unknown as SqliteRunner).getStmt(sql);
    statement.raw(true);
    try {
      arrays = statement.all(...bound) as unknown[][];
    } finally {
      statement.raw(false);
    }
  } catch (error) {
    throw new QueryFailedError(sql, bound, error as Error);
  }
  const RowOf = rowConstructorOf(statement);
  const rows = new Array<Row>(arrays.length);
  for (let i = 0; i < arrays.length; i++) rows[i] = new RowOf(arrays[i]);
  return rows;
}
