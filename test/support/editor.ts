import type { DataSource } from 'typeorm';
import { createApiKey, revokeApiKey } from '../../src/auth/api-keys';
import { ApiKeyRole } from '../../src/auth/roles';
import { withWriteTransaction } from '../../src/common/transactions';

/** Creates an API key as `npm run apikey -- create` would, and returns it in clear. */
export async function newApiKey(
  dataSource: DataSource,
  name: string,
  role = ApiKeyRole.EDITOR,
): Promise<string> {
  const { key } = await withWriteTransaction(dataSource, (manager) =>
    createApiKey(manager, name, role),
  );
  return key;
}

export async function revokeKey(dataSource: DataSource, name: string): Promise<void> {
  await withWriteTransaction(dataSource, (manager) => revokeApiKey(manager, name));
}

/** Every row of every table, to show that an operation changed nothing at all. */
export async function snapshotDatabase(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of tables)
    snapshot[name] = await dataSource.query(`SELECT * FROM "${name}" ORDER BY rowid`);
  return snapshot;
}

/** Row counts of the tables a test cares about. */
export async function countRows(
  dataSource: DataSource,
  ...tables: string[]
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ count }] = await dataSource.query(`SELECT COUNT(*) AS count FROM "${table}"`);
    counts[table] = Number(count);
  }
  return counts;
}
