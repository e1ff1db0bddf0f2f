import type { DataSource } from 'typeorm';
import { dialectOf } from './sql-dialect';

/** The advisory lock that serializes database preparation between processes ("fg" + "prep"). */
const PREPARE_LOCK = 0x6667_7072;

/**
 * Brings a database up to date before serving: runs pending migrations, and on an empty database loads
 * the real seed data. A database that has data only gets its migrations. Processes that start together
 * on one PostgreSQL database take turns: the first migrates, the others then find nothing to do.
 * `seed` loads the seed data (the caller's: db/ knows no entity).
 */
export async function prepareDatabase(
  dataSource: DataSource,
  seed: (dataSource: DataSource) => Promise<unknown>,
): Promise<{ migrated: number; seeded: boolean }> {
  return dialectOf(dataSource).exclusively(dataSource, PREPARE_LOCK, async () => {
    const migrations = await dataSource.runMigrations({ transaction: 'each' });
    // By table name: db/ does not import the features' entities.
    const empty = (await dataSource.getRepository('film').count({ take: 1 })) === 0;
    if (empty) await seed(dataSource);
    return { migrated: migrations.length, seeded: empty };
  });
}
