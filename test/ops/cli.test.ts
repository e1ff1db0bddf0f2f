import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeDatabase, parseDatabaseUrl } from '../../src/config';

// Runs the compiled commands (`npm test` builds dist/ first), as `npm run apikey` etc. do.
const ROOT = resolve(__dirname, '..', '..');
const cli = (name: string) => join(ROOT, 'dist', 'src', 'cli', `${name}.js`);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fg-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(name: string, args: string[], databaseUrl: string) {
  return spawnSync(process.execPath, [cli(name), ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    cwd: dir,
    timeout: 60_000,
  });
}

test('each command names the SQLite file it used, as a full path', () => {
  const file = join(dir, 'keys.sqlite');
  // A relative path, resolved against the directory the command runs in.
  const url = 'sqlite:keys.sqlite';
  const using = `Using the SQLite database ${file}\n`;

  const migrate = run('migrate', [], url);
  expect(migrate.stderr).toBe('');
  expect(migrate.stdout.startsWith(using)).toBe(true);

  const created = run('apikey', ['create', '--name', 'alice', '--role', 'editor'], url);
  expect(created.stderr).toBe('');
  expect(created.stdout.startsWith(using)).toBe(true);
  expect(created.stdout).toMatch(/^Created \w+ key "alice"\./m);

  const listed = run('apikey', ['list'], url);
  expect(listed.stdout).toMatch(new RegExp(`^${using}alice\tEDITOR\tcreated [^\t]+\tactive\n$`));

  const seeded = run('seed', [], url);
  expect(seeded.stdout).toBe(`${using}Seed data loaded.\n`);

  const backup = run('backup', [join(dir, 'copy.sqlite')], url);
  expect(backup.stdout.startsWith(using)).toBe(true);
  expect(backup.status).toBe(0);
});

test('a PostgreSQL database is named by host, port and database, never by user or password', () => {
  const database = parseDatabaseUrl('postgres://editor:s3cret@db.internal:6543/newsroom');
  expect(describeDatabase(database)).toBe('PostgreSQL database newsroom on db.internal:6543');
  expect(describeDatabase(parseDatabaseUrl('postgres://u:p@db/'))).toBe(
    'PostgreSQL database (default database) on db:5432',
  );
  // backup refuses PostgreSQL, after saying which database it was given.
  const backup = run('backup', [join(dir, 'never.sqlite')], 'postgres://u:s3cret@db.internal/news');
  expect(backup.stdout).toBe('Using the PostgreSQL database news on db.internal:5432\n');
  expect(backup.stderr).toContain('for PostgreSQL use pg_dump');
  expect(`${backup.stdout}${backup.stderr}`).not.toContain('s3cret');
});

test('npm run apikey does not rebuild what is already built', () => {
  const stamps = () =>
    ['dist/tsconfig.build.tsbuildinfo', 'dist/graphiql/.inputs.json', 'dist/src/main.js'].map(
      (file) => statSync(join(ROOT, file)).mtimeMs,
    );
  const before = stamps();
  const started = performance.now();
  const listed = spawnSync('npm', ['run', '-s', 'apikey', '--', 'list'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'npm.sqlite')}` },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const seconds = (performance.now() - started) / 1000;
  expect(listed.stderr).toBe('');
  expect(listed.stdout).toContain(`Using the SQLite database ${join(dir, 'npm.sqlite')}\n`);
  expect(stamps()).toEqual(before);
  // Under 3 s on an idle machine; the bound leaves room for a loaded CI machine running other tests.
  expect(seconds).toBeLessThan(15);
});
