import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeDatabase, loadConfig } from '../config';

/**
 * `npm run backup -- <file>`: a consistent copy of the live SQLite database of DATABASE_URL, taken with
 * SQLite's online backup API while the server keeps running (readers and writers are not stopped).
 */
async function run(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: npm run backup -- <file>');
  const config = loadConfig();
  process.stdout.write(`Using the ${describeDatabase(config.database)}\n`);
  if (config.database.type !== 'sqlite') {
    throw new Error('backup copies SQLite databases; for PostgreSQL use pg_dump');
  }
  if (!existsSync(config.database.path)) throw new Error(`no database at ${config.database.path}`);
  const destination = resolve(target);
  if (existsSync(destination)) throw new Error(`${destination} exists already; choose a new file`);
  const source = new Database(config.database.path, { readonly: true, fileMustExist: true });
  try {
    await source.backup(destination);
    const copy = new Database(destination, { readonly: true });
    const check = copy.pragma('integrity_check', { simple: true });
    copy.close();
    if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
    process.stdout.write(
      `Backed up ${config.database.path} to ${destination} (integrity_check: ok)\n`,
    );
  } finally {
    source.close();
  }
}

run().catch((error: unknown) => {
  process.stderr.write(
    `backup failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
