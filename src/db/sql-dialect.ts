import type { DataSource, QueryRunner } from 'typeorm';
import { readSqliteRows, type Row } from './sqlite-raw-rows';

/**
 * The few places where SQLite and PostgreSQL differ. Everything else is written once through TypeORM's
 * query builder, the Table API or SQL that both accept (`LIKE … ESCAPE`, row-value comparisons,
 * `INSERT … RETURNING`, window functions). Resolvers never ask which database they run on; when a new
 * difference turns up, it gets a method here.
 */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /**
   * `column IN (…ids…)` with the whole list bound as one parameter, so the statement text is the same
   * for any number of keys (one prepared statement per loader, no bound-variable limit).
   */
  inList(
    column: string,
    param: string,
    values: readonly (number | string)[],
  ): [string, Record<string, unknown>];
  /**
   * Indexes `table.column` (a folded `searchText`) for `LIKE '%…%'`, the way `search` and the
   * `…Contains` filters query it. A b-tree cannot serve a pattern with a leading `%`.
   */
  createContainsIndex(runner: QueryRunner, table: string, column: string): Promise<void>;
  dropContainsIndex(runner: QueryRunner, table: string): Promise<void>;
  /**
   * Runs `work` while no other process runs work under the same `lock` on this database: N servers
   * started at once against one PostgreSQL must not run the same migrations (or the seed) together.
   */
  exclusively<T>(dataSource: DataSource, lock: number, work: () => Promise<T>): Promise<T>;
  /**
   * The rows of a read on `runner` (a request's reader's, or none: the data source's own), counted
   * as the request's statement like any other; on SQLite built faster than the driver builds them
   * (`readSqliteRows`).
   */
  readRows(
    dataSource: DataSource,
    runner: QueryRunner | undefined,
    sql: string,
    values: readonly unknown[],
  ): Promise<Row[]>;
}

/** The name of the contains index of a table; entities declare it (unsynchronized) under this name. */
export function containsIndexName(table: string): string {
  return `IDX_${table}_search_trgm`;
}

const sqlite: SqlDialect = {
  name: 'sqlite',
  inList: (column, param, values) => [
    `${column} IN (SELECT value FROM json_each(:${param}))`,
    { [param]: JSON.stringify(values) },
  ],
  // SQLite has no index for infix LIKE (short of an FTS5 trigram table kept in step by triggers); it
  // scans the narrow searchText column, which is fast enough at the size one SQLite box serves.
  createContainsIndex: async () => {},
  dropContainsIndex: async () => {},
  // One SQLite file is served by one process; its migrations run in write transactions anyway.
  exclusively: (_dataSource, _lock, work) => work(),
  readRows: readSqliteRows,
};

const postgres: SqlDialect = {
  name: 'postgres',
  inList: (column, param, values) => [`${column} = ANY(:${param})`, { [param]: values }],
  // A trigram GIN index answers `LIKE '%abc%'` for patterns of three characters or more (shorter ones
  // scan, as on SQLite). pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13+): the
  // database owner may create it, no superuser needed.
  createContainsIndex: async (runner, table, column) => {
    await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await runner.query(
      `CREATE INDEX "${containsIndexName(table)}" ON "${table}" USING gin ("${column}" gin_trgm_ops)`,
    );
  },
  // The extension stays: other objects may use it.
  dropContainsIndex: async (runner, table) => {
    await runner.query(`DROP INDEX IF EXISTS "${containsIndexName(table)}"`);
  },
  // A session advisory lock, held on a connection of its own while `work` uses the pool; the server
  // releases it if this process dies.
  exclusively: async (dataSource, lock, work) => {
    const runner = dataSource.createQueryRunner('master');
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [lock]);
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [lock]);
      }
    } finally {
      await runner.release();
    }
  },
  readRows: (dataSource, runner, sql, values) =>
    (runner ?? dataSource).query(sql, [...values]) as Promise<Row[]>,
};

export function dialectOf(dataSource: DataSource): SqlDialect {
  return dataSource.options.type === 'postgres' ? postgres : sqlite;
}
