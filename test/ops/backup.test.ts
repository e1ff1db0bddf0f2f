import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeOnPostgres, describeOnSqlite, TEST_DATABASE_TYPE } from '../support/test-database';
import { createTestServer, type TestServer } from '../support/test-server';

// Runs the compiled CLI (`npm test` builds dist/ first) against the live database of a running server.
const BACKUP = resolve(__dirname, '..', '..', 'dist', 'src', 'cli', 'backup.js');

let server: TestServer;
beforeAll(async () => {
  if (TEST_DATABASE_TYPE !== 'sqlite') return;
  server = await createTestServer();
});
afterAll(() => server?.close());

const databasePath = () =>
  server.config.database.type === 'sqlite' ? server.config.database.path : '';

function backup(target: string) {
  return spawnSync(process.execPath, [BACKUP, target], {
    env: { ...process.env, DATABASE_URL: `sqlite:${databasePath()}` },
    encoding: 'utf8',
  });
}

// The backup CLI copies SQLite files with SQLite's online backup API; PostgreSQL has pg_dump.
describeOnSqlite('on SQLite', () => {
  test('npm run backup copies the live database, committed writes included, and checks the copy', async () => {
    // A write that is committed but still only in the write-ahead log must be in the copy.
    await server.dataSource.query(
      `UPDATE "film" SET "synopsis" = 'written just before the backup' WHERE "slug" = 'extraction-3'`,
    );
    const target = join(databasePath(), '..', 'copy.sqlite');
    const result = backup(target);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('integrity_check: ok');

    const copy = new Database(target, { readonly: true });
    try {
      expect(
        copy.prepare(`SELECT "synopsis" FROM "film" WHERE "slug" = 'extraction-3'`).get(),
      ).toEqual({
        synopsis: 'written just before the backup',
      });
      const live = await server.dataSource.query('SELECT COUNT(*) AS n FROM "attachment_event"');
      expect(copy.prepare('SELECT COUNT(*) AS n FROM "attachment_event"').get()).toEqual(live[0]);
    } finally {
      copy.close();
    }
    // The server kept serving throughout.
    expect(await server.execute('query F { film(slug: "extraction-3") { synopsis } }')).toEqual({
      data: { film: { synopsis: 'written just before the backup' } },
    });
  });

  test('npm run backup refuses to overwrite a file and says why', () => {
    const target = join(databasePath(), '..', 'copy.sqlite');
    expect(existsSync(target)).toBe(true);
    const result = backup(target);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/exists already/);
  });
});

describeOnPostgres('on PostgreSQL', () => {
  test('npm run backup says to use pg_dump instead', () => {
    const result = spawnSync(process.execPath, [BACKUP, '/tmp/never-written.sqlite'], {
      env: process.env,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'backup failed: backup copies SQLite databases; for PostgreSQL use pg_dump\n',
    );
  });
});
