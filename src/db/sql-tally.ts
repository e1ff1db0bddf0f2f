import type { DataSource, EntityManager, Logger, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements run on behalf of one request (the request log and the benchmark report it).
 *
 * TypeORM runs every statement on a query runner and tells its logger which one. A request's runners
 * carry the request's tally in their `data` (`readerFor` for its reads, `tallyWrites` for its write
 * transaction), and `CountingLogger` counts each statement towards the tally of the runner that ran it:
 * the statements TypeORM actually ran, with no async-context tracking (Node's AsyncLocalStorage hooks
 * every promise, which cost a quarter of the throughput of a small request).
 */
export interface SqlTally {
  statements: number;
}

/** The key of a query runner's `data` that holds the tally its statements count towards. */
const TALLY = 'sqlTally';

function tallyOf(runner: QueryRunner | undefined): SqlTally | undefined {
  return (runner?.data as Record<string, SqlTally | undefined> | undefined)?.[TALLY];
}

/** Makes the statements `runner` runs from now on count towards `tally` (none: towards no request). */
export function tallyWrites(runner: QueryRunner, tally: SqlTally | undefined): void {
  runner.data = tally ? { [TALLY]: tally } : {};
}

/**
 * The query runner every request's reader derives from, per DataSource:
 * - SQLite: TypeORM's one shared runner of the one connection (its statement cache included).
 * - PostgreSQL: a runner that never connects itself; each statement takes a pooled connection and gives
 *   it back, as TypeORM does for a query without a runner, on a runner that carries the same `data`.
 */
const baseRunners = new WeakMap<DataSource, QueryRunner>();
const primaryRunners = new WeakMap<DataSource, QueryRunner>();

function baseRunnerOf(dataSource: DataSource, primary = false): QueryRunner {
  const runners = primary ? primaryRunners : baseRunners;
  let base = runners.get(dataSource);
  if (base) return base;
  const mode = primary ? 'master' : dataSource.defaultReplicationModeForReads();
  base = dataSource.createQueryRunner(mode);
  if (dataSource.options.type !== 'better-sqlite3') {
    const perStatement = Object.create(base) as QueryRunner;
    perStatement.query = async function (
      this: QueryRunner,
      ...args: Parameters<QueryRunner['query']>
    ) {
      const runner = dataSource.createQueryRunner(mode);
      runner.data = this.data;
      try {
        return await runner.query(...args);
      } finally {
        await runner.release();
      }
    } as QueryRunner['query'];
    base = perStatement;
  }
  runners.set(dataSource, base);
  return base;
}

/**
 * The entity manager one request reads through: TypeORM's own query runner (see `baseRunnerOf`) with the
 * request's tally in its `data`. Reads only: writes run in a transaction of their own
 * (`withWriteTransaction`). With `primary`, never on a replica (what must see a write just committed).
 */
export function readerFor(
  dataSource: DataSource,
  tally: SqlTally,
  options: { readonly primary?: boolean } = {},
): EntityManager {
  const runner = Object.create(baseRunnerOf(dataSource, options.primary)) as QueryRunner;
  runner.data = { [TALLY]: tally };
  return dataSource.createEntityManager(runner);
}

/** A TypeORM logger that only counts; errors are reported by the GraphQL layer, not here. */
export class CountingLogger implements Logger {
  logQuery(_query: string, _parameters?: unknown[], runner?: QueryRunner): void {
    const tally = tallyOf(runner);
    if (tally) tally.statements += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
