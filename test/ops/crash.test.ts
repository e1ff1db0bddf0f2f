import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Kills the real server process (`npm test` builds dist/ first) with SIGKILL under write load.
const ROOT = resolve(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const APIKEY = join(ROOT, 'dist', 'src', 'cli', 'apikey.js');
const ROUNDS = 10;

let database: TestDatabase;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  // A new database of the kind the suite runs on. On PostgreSQL, the killed process's connections drop
  // and the server rolls their transactions back; on SQLite, the file's journal does.
  database = await createTestDatabase();
  env = {
    ...process.env,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'warn',
    WRITE_RATE_LIMIT: '1000000',
  };
});
afterAll(() => database.drop());

/** Opens the database the killed servers used, runs `check`, closes it. */
async function inspect<T>(check: (db: DataSource) => Promise<T>): Promise<T> {
  const db = createDataSource(loadConfig({ DATABASE_URL: database.url }).database);
  await db.initialize();
  try {
    return await check(db);
  } finally {
    await db.destroy();
  }
}

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no start:\n${output}`)), 60_000);
    const poll = setInterval(() => {
      const match = / at http:\/\/\S+:(\d+)\/graphql/.exec(output);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        ok(Number(match[1]));
      }
    }, 20);
  });
  return { child, url: `http://127.0.0.1:${port}/graphql` };
}

const REPORT = `mutation Report($input: RecordAttachmentInput!) {
  recordAttachment(input: $input) { event { id } credit { id } } }`;

/** Rows that a half-written recordAttachment would leave: a credit without events, a source nobody cites. */
async function orphans(db: DataSource): Promise<{ credits: number; sources: number }> {
  const [credits] = await db.query(
    'SELECT COUNT(*) AS n FROM credit c WHERE NOT EXISTS (SELECT 1 FROM attachment_event e WHERE e."creditId" = c.id)',
  );
  const [sources] = await db.query(
    `SELECT COUNT(*) AS n FROM source s WHERE s.url LIKE 'https://crash.test/%'
     AND NOT EXISTS (SELECT 1 FROM attachment_event e WHERE e."sourceId" = s.id)`,
  );
  return { credits: Number(credits.n), sources: Number(sources.n) };
}

test(`SIGKILL at random moments under write load, ${ROUNDS} rounds: acknowledged writes survive, nothing is half-written, integrity ok`, async () => {
  const created = spawnSync(
    process.execPath,
    [APIKEY, 'create', '--name', 'crash', '--role', 'editor'],
    { env, encoding: 'utf8' },
  );
  const key = /fgk_[A-Za-z0-9_-]+/.exec(created.stdout)?.[0];
  expect(key).toBeDefined();
  const first = await startServer();
  const ids = await (
    await fetch(first.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query Ids { film(slug: "extraction-3") { id } person(slug: "idris-elba") { id } }',
      }),
    })
  ).json();
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));
  const baseline = await inspect(orphans);

  const acknowledged: string[] = [];
  let attempted = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const { child, url } = await startServer();
    const exited = new Promise((r) => child.once('exit', r));
    let killed = false;
    const writer = async (lane: number) => {
      for (let i = 0; !killed; i++) {
        attempted += 1;
        const tag = `r${round}-l${lane}-${i}`;
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
            body: JSON.stringify({
              query: REPORT,
              variables: {
                input: {
                  film: ids.data.film.id,
                  person: ids.data.person.id,
                  role: 'OTHER',
                  job: `crash test ${tag}`,
                  status: 'RUMORED',
                  confidence: 'SPECULATIVE',
                  effectiveDate: '2026-01-01',
                  source: {
                    url: `https://crash.test/${tag}`,
                    title: `Crash ${tag}`,
                    publishedOn: '2026-01-01',
                  },
                },
              },
            }),
          });
          const body = await response.json();
          if (response.status === 200 && body.data?.recordAttachment)
            acknowledged.push(body.data.recordAttachment.event.id);
        } catch {
          return; // the server died mid-request: this write was never acknowledged
        }
      }
    };
    const lanes = Promise.all([0, 1, 2, 3].map(writer));
    await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 450)));
    killed = true;
    child.kill('SIGKILL');
    await exited;
    await lanes;

    await inspect(async (db) => {
      // SQLite's own check of the file; PostgreSQL's server was never killed, only its client.
      if (db.options.type === 'better-sqlite3') {
        expect(await db.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      }
      expect(await orphans(db)).toEqual(baseline);
      const rows: { id: number }[] = await db.query(
        `SELECT id FROM attachment_event WHERE "recordedBy" = 'crash'`,
      );
      const stored = new Set(
        rows.map((row) => Buffer.from(`AttachmentEvent:${row.id}`).toString('base64url')),
      );
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    });
  }
  expect(acknowledged.length).toBeGreaterThan(ROUNDS); // the load was real
  expect(attempted).toBeGreaterThan(acknowledged.length); // and some writes were cut off by the kill
});
