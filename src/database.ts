import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from './config';
import { CountingLogger } from './common/sql-counter';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

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
    return new DataSource({ ...common, type: 'postgres', url: database.url });
  }
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    enableWAL: true,
    timeout: 10_000,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('busy_timeout = 10000');
      db.pragma('synchronous = NORMAL');
    },
  });
}

/** Closes the database; on SQLite the WAL is checkpointed into the main file first. */
export async function closeDatabase(dataSource: DataSource): Promise<void> {
  if (!dataSource.isInitialized) return;
  if (dataSource.options.type === 'better-sqlite3') await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  await dataSource.destroy();
}
