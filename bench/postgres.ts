import Database from 'better-sqlite3';
import { DataSource, type QueryRunner } from 'typeorm';
import { parseDatabaseUrl, type PostgresConfig } from '../src/config';
import { createDataSource, forMigrations } from '../src/db/data-source';

/**
 * What `npm run bench -- --db postgres` needs besides the SQLite bench: a fresh database on a
 * PostgreSQL server, the real migrations on it, and the synthetic data copied over from the SQLite file
 * the generator wrote (the generator writes SQLite only, through prepared statements), so both databases
 * hold the same rows with the same ids.
 */

/** The bound parameters PostgreSQL takes per statement (the wire protocol counts them in 16 bits). */
const MAX_PARAMETERS = 65_535;
/** Rows per INSERT at most, whatever the width: beyond a few thousand, bigger statements gain nothing. */
const MAX_ROWS_PER_INSERT = 4_000;

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
async function onServer(serverUrl: string, statements: readonly string[]): Promise<void> {
  const admin = new DataSource({ type: 'postgres', url: serverUrl, poolSize: 1 });
  await admin.initialize();
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.destroy();
  }
}

export interface BenchDatabase {
  readonly name: string;
  /** The DATABASE_URL of the new database. */
  readonly url: string;
  /** Deletes the database, closing whatever connections are left on it. */
  drop(): Promise<void>;
}

/**
 * A new database `name` on the server of `serverUrl` (replacing one of that name): empty, or a copy of
 * `template` (which must have no open connections).
 */
export async function createDatabase(
  serverUrl: string,
  name: string,
  template?: string,
): Promise<BenchDatabase> {
  await onServer(serverUrl, [
    `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`,
    `CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`,
  ]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onServer(serverUrl, [`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`]),
  };
}

export interface ServerSettings {
  /** `server_version`, e.g. "15.18 (Debian 15.18-0+deb12u1)". */
  readonly version: string;
  /** Whether commits wait for the disk: a throw-away cluster runs without (fsync off). */
  readonly fsync: string;
  readonly synchronousCommit: string;
}

/** The settings of the server at `url` that a reader of the results needs to know. */
export async function serverSettings(url: string): Promise<ServerSettings> {
  const dataSource = new DataSource({ type: 'postgres', url, poolSize: 1 });
  await dataSource.initialize();
  try {
    const [row] = (await dataSource.query(
      `SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync,
              current_setting('synchronous_commit') AS "synchronousCommit"`,
    )) as ServerSettings[];
    return row;
  } finally {
    await dataSource.destroy();
  }
}

interface ForeignKey {
  child: string;
  parent: string;
  column: string;
  referenced: string;
}

/**
 * The tables in an order where every table comes after the tables its foreign keys point to. A table
 * that points to itself (franchise.parentId) is handled by `selfReferencing`, not here.
 */
function dependencyOrder(tables: readonly string[], keys: readonly ForeignKey[]): string[] {
  const pending = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const key of keys) {
    if (key.child !== key.parent) pending.get(key.child)?.add(key.parent);
  }
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, parents]) => parents.size === 0).map(([t]) => t);
    if (ready.length === 0) {
      throw new Error(`foreign keys form a cycle between ${[...pending.keys()].join(', ')}`);
    }
    for (const table of ready.sort()) {
      order.push(table);
      pending.delete(table);
      for (const parents of pending.values()) parents.delete(table);
    }
  }
  return order;
}

/** Rows reordered so that a row's parent (same table) comes before it. */
function parentsFirst(
  rows: readonly unknown[][],
  idAt: number,
  parentAt: number,
  table: string,
): unknown[][] {
  const byId = new Map(rows.map((row) => [row[idAt], row]));
  const done = new Set<unknown>();
  const ordered: unknown[][] = [];
  const visit = (row: unknown[], depth: number) => {
    if (done.has(row[idAt])) return;
    if (depth > rows.length) throw new Error(`${table}: the parent links form a cycle`);
    const parent = row[parentAt] == null ? undefined : byId.get(row[parentAt]);
    if (parent) visit(parent, depth + 1);
    done.add(row[idAt]);
    ordered.push(row);
  };
  for (const row of rows) visit(row, 0);
  return ordered;
}

export interface CopyReport {
  readonly tables: number;
  readonly rows: number;
  readonly migrateMs: number;
  readonly copyMs: number;
  readonly analyzeMs: number;
}

/**
 * Migrates the empty PostgreSQL database at `url` with the app's migrations, then copies every table of
 * the SQLite file at `sqlitePath` into it in one transaction: tables in foreign-key order, multi-row
 * INSERTs with bound parameters (as many rows as PostgreSQL's parameter limit allows), ids as they are.
 * Then each id sequence continues after the highest id, and ANALYZE gives the planner its statistics.
 */
export async function copySqliteToPostgres(sqlitePath: string, url: string): Promise<CopyReport> {
  const config = parseDatabaseUrl(url) as PostgresConfig;
  const dataSource = createDataSource(forMigrations(config));
  const sqlite = new Database(sqlitePath, { readonly: true });
  await dataSource.initialize();
  try {
    let started = performance.now();
    await dataSource.runMigrations({ transaction: 'all' });
    const migrateMs = performance.now() - started;
    const migrationsTable = dataSource.options.migrationsTableName ?? 'migrations';

    started = performance.now();
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    let rows = 0;
    let tables: string[];
    try {
      await runner.startTransaction();
      const columns = (await runner.query(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
         WHERE table_schema = current_schema() AND is_generated = 'NEVER' AND table_name <> $1
         ORDER BY table_name, ordinal_position`,
        [migrationsTable],
      )) as { table_name: string; column_name: string; data_type: string }[];
      const keys = (await runner.query(
        `SELECT child.relname AS child, parent.relname AS parent,
                (SELECT attname FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = c.conkey[1]) AS column,
                (SELECT attname FROM pg_attribute WHERE attrelid = c.confrelid AND attnum = c.confkey[1]) AS referenced
         FROM pg_constraint c
         JOIN pg_class child ON child.oid = c.conrelid
         JOIN pg_class parent ON parent.oid = c.confrelid
         WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
      )) as ForeignKey[];

      const columnsOf = new Map<string, { name: string; type: string }[]>();
      for (const column of columns) {
        const list = columnsOf.get(column.table_name) ?? [];
        list.push({ name: column.column_name, type: column.data_type });
        columnsOf.set(column.table_name, list);
      }
      const sqliteTables = sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
           AND name <> ?`,
        )
        .pluck()
        .all(migrationsTable) as string[];
      const missing = sqliteTables.filter((table) => !columnsOf.has(table));
      const extra = [...columnsOf.keys()].filter((table) => !sqliteTables.includes(table));
      if (missing.length > 0 || extra.length > 0) {
        throw new Error(
          `the SQLite and PostgreSQL schemas differ: only in SQLite [${missing.join(', ')}], ` +
            `only in PostgreSQL [${extra.join(', ')}]`,
        );
      }

      tables = dependencyOrder(sqliteTables, keys);
      // The migrations put rows of their own in some tables (change_counter): the copy replaces them.
      await runner.query(`TRUNCATE ${tables.map(quote).join(', ')} RESTART IDENTITY CASCADE`);
      for (const table of tables) {
        rows += await copyTable(sqlite, runner, table, columnsOf.get(table)!, keys);
      }
      await resetSequences(runner, tables);
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
    const copyMs = performance.now() - started;

    started = performance.now();
    await dataSource.query('ANALYZE');
    const analyzeMs = performance.now() - started;
    return { tables: tables.length, rows, migrateMs, copyMs, analyzeMs };
  } finally {
    sqlite.close();
    await dataSource.destroy();
  }
}

/** Copies one table; returns the number of rows. */
async function copyTable(
  sqlite: Database.Database,
  runner: QueryRunner,
  table: string,
  columns: readonly { name: string; type: string }[],
  keys: readonly ForeignKey[],
): Promise<number> {
  const present = new Set(
    (sqlite.pragma(`table_info(${quote(table)})`) as { name: string }[]).map((c) => c.name),
  );
  const absent = columns.filter((column) => !present.has(column.name));
  if (absent.length > 0) {
    throw new Error(
      `${table}: no column ${absent.map((c) => c.name).join(', ')} in the SQLite file`,
    );
  }
  // SQLite stores booleans as 0/1; PostgreSQL takes only true/false (or '0'/'1' as text) for them.
  const convert = columns.map((column) =>
    column.type === 'boolean' ? (value: unknown) => (value == null ? null : value !== 0) : null,
  );
  const width = columns.length;
  const perInsert = Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / width));
  const insertOf = (count: number) =>
    `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(', ')}) VALUES ` +
    Array.from(
      { length: count },
      (_, row) =>
        `(${Array.from({ length: width }, (_, col) => `$${row * width + col + 1}`).join(', ')})`,
    ).join(', ');
  const fullInsert = insertOf(perInsert);

  const select = sqlite
    .prepare(`SELECT ${columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(table)}`)
    .raw();
  const self = keys.find((key) => key.child === table && key.parent === table);
  const source: Iterable<unknown[]> = self
    ? parentsFirst(
        select.all() as unknown[][],
        columns.findIndex((c) => c.name === self.referenced),
        columns.findIndex((c) => c.name === self.column),
        table,
      )
    : (select.iterate() as IterableIterator<unknown[]>);

  let batch: unknown[] = [];
  let rows = 0;
  const flush = async () => {
    const count = batch.length / width;
    if (count === 0) return;
    await runner.query(count === perInsert ? fullInsert : insertOf(count), batch);
    rows += count;
    batch = [];
  };
  for (const row of source) {
    for (let col = 0; col < width; col += 1) {
      const value = row[col];
      batch.push(convert[col] ? convert[col]!(value) : value);
    }
    if (batch.length === perInsert * width) await flush();
  }
  await flush();
  return rows;
}

/** Each sequence (serial id) continues after the highest value copied into its column. */
async function resetSequences(runner: QueryRunner, tables: readonly string[]): Promise<void> {
  const sequences = (await runner.query(
    `SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
     FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ANY($1)
       AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
    [tables],
  )) as { table_name: string; column_name: string; sequence: string }[];
  for (const { table_name, column_name, sequence } of sequences) {
    const max = `(SELECT MAX(${quote(column_name)}) FROM ${quote(table_name)})`;
    await runner.query(`SELECT setval($1, COALESCE(${max}, 1), ${max} IS NOT NULL)`, [sequence]);
  }
}
