import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig, PostgresConfig } from '../config';
import { bindNumbers } from './sqlite-bound-numbers';
import { CountingLogger } from './sql-tally';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from './migrations';

/**
 * The pool settings of PostgreSQL. The timeouts are sent as connection parameters, so the server
 * enforces them on every connection of the pool: a runaway statement is cancelled (the connection stays
 * usable), and a transaction a crashed request left open cannot hold its locks for ever.
 */
function postgresOptions(database: PostgresConfig) {
  const extra = {
    statement_timeout: database.statementTimeoutMs,
    idle_in_transaction_session_timeout: database.idleInTransactionTimeoutMs,
  };
  // The application name tells the pools apart in pg_stat_activity.
  const primary = { url: database.url, applicationName: 'franchise-graph' };
  return {
    type: 'postgres' as const,
    poolSize: database.poolSize,
    extra,
    // Transactions (every mutation, migrations) run on the primary. Other reads are spread over the
    // replicas, so they may lag behind the primary by the replicas' replay delay.
    ...(database.replicaUrls.length === 0
      ? primary
      : {
          replication: {
            master: primary,
            slaves: database.replicaUrls.map((url) => ({
              url,
              applicationName: 'franchise-graph-replica',
            })),
          },
        }),
  };
}

/** Builds the DataSource for a database; nothing is connected until `initialize()`. */
export function createDataSource(database: DatabaseConfig): DataSource {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logger: new CountingLogger(),
  } satisfies Partial<DataSourceOptions>;

  if (database.type === 'postgres') {
    return new DataSource({ ...common, ...postgresOptions(database) });
  }
  const sqlite = new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    enableWAL: true,
    timeout: 10_000,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('busy_timeout = 10000');
      // FULL: a commit is on disk when it is acknowledged, so it survives a power cut or an OS crash
      // (NORMAL in WAL mode may lose the last commits). Requests commit on the write connection.
      db.pragma('synchronous = FULL');
    },
  });
  bindNumbers(sqlite);
  return sqlite;
}

/**
 * The settings migrations run with: the primary only, and no statement timeout, since building an index
 * on a big table may take longer than any request should.
 */
export function forMigrations(database: DatabaseConfig): DatabaseConfig {
  return database.type === 'postgres'
    ? { ...database, replicaUrls: [], statementTimeoutMs: 0 }
    : database;
}

/**
 * PostgreSQL's `synchronous_commit` for this server's connections (`on`, `remote_apply`, …, or `off`:
 * acknowledged commits may be lost when the database server crashes); null on SQLite.
 */
export async function synchronousCommitOf(dataSource: DataSource): Promise<string | null> {
  if (dataSource.options.type !== 'postgres') return null;
  const rows: { synchronous_commit: string }[] = await dataSource.query('SHOW synchronous_commit');
  return rows[0]?.synchronous_commit ?? null;
}

/** Closes the database; on SQLite the WAL is checkpointed into the main file first. */
export async function closeDatabase(dataSource: DataSource): Promise<void> {
  if (!dataSource.isInitialized) return;
  if (dataSource.options.type === 'better-sqlite3')
    await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  await dataSource.destroy();
}
