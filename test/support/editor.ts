import type { DataSource } from 'typeorm';
import { createApiKey, revokeApiKey } from '../../src/auth/api-keys';
import { ApiKeyRole } from '../../src/auth/roles';
import { withWriteTransaction } from '../../src/db/transactions';

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
    dataSource.options.type === 'postgres'
      ? `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
      : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const snapshot: Record<string, unknown[]> = {};
  // Every table has an integer primary key "id".
  for (const { name } of tables)
    snapshot[name] = await dataSource.query(`SELECT * FROM "${name}" ORDER BY "id"`);
  return snapshot;
}

/**
 * Makes the database itself refuse a write (`INSERT ON attachment_event`, `UPDATE OF "releaseDate" ON
 * film`) with a trigger, to force a failure in the middle of a mutation; returns what removes it.
 */
export async function forceFailure(
  dataSource: DataSource,
  trigger: string,
): Promise<() => Promise<void>> {
  const table = /\bON (\w+)$/.exec(trigger)?.[1];
  if (!table) throw new Error(`expected "<BEFORE what> ON <table>", got "${trigger}"`);
  if (dataSource.options.type === 'postgres') {
    await dataSource.query(
      `CREATE FUNCTION forced_failure() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'forced failure'; END $$`,
    );
    await dataSource.query(
      `CREATE TRIGGER forced_failure BEFORE ${trigger} FOR EACH ROW EXECUTE FUNCTION forced_failure()`,
    );
    return async () => {
      await dataSource.query(`DROP TRIGGER forced_failure ON ${table}`);
      await dataSource.query('DROP FUNCTION forced_failure()');
    };
  }
  await dataSource.query(
    `CREATE TRIGGER forced_failure BEFORE ${trigger} BEGIN SELECT RAISE(ABORT, 'forced failure'); END`,
  );
  return async () => {
    await dataSource.query('DROP TRIGGER forced_failure');
  };
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
