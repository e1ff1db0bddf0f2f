import type { DataSource } from 'typeorm';
import { seed } from '../seeds/seed';
import { Film } from './film/film.entity';

/**
 * Brings a database up to date before serving: runs pending migrations, and on an empty database loads
 * the real seed data. A database that has data only gets its migrations.
 */
export async function prepareDatabase(dataSource: DataSource): Promise<{ migrated: number; seeded: boolean }> {
  const migrations = await dataSource.runMigrations({ transaction: 'each' });
  const empty = (await dataSource.getRepository(Film).count({ take: 1 })) === 0;
  if (empty) await seed(dataSource);
  return { migrated: migrations.length, seeded: empty };
}
