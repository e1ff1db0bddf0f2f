import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Client } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import { closeWriter } from '../../src/db/transactions';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { postWithKey } from '../../bench/server-process';
import { SEED } from '../../seeds/seed';
import { newApiKey } from '../support/editor';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { subscribe, wsClient } from '../support/subscriber';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Two real server processes on one PostgreSQL database: a write through one reaches subscribers on the
// other through LISTEN/NOTIFY, and a LISTEN connection killed under load loses nothing.

let database: TestDatabase;
let db: DataSource;
let a: ServerProcess;
let b: ServerProcess;
let key: string;
const clients: Client[] = [];
let film = '';
const people: string[] = [];
let reports = 0;

const post = <T>(server: ServerProcess, query: string, variables = {}) =>
  postWithKey<T>(server.url, key, query, variables);

/** Records a report through `server`; returns the event's id. */
async function report(server: ServerProcess, person: string, status: string): Promise<string> {
  reports += 1;
  const data = await post<{ recordAttachment: { event: { id: string } } }>(
    server,
    `mutation Record($input: RecordAttachmentInput!) { recordAttachment(input: $input) { event { id } } }`,
    {
      input: {
        film,
        person,
        role: 'CAST',
        status,
        confidence: 'TRADE_REPORTED',
        effectiveDate: '2026-11-01',
        source: { url: `https://example.com/pg-live/${reports}`, title: `Report ${reports}` },
      },
    },
  );
  return data.recordAttachment.event.id;
}

const REPORTS = `subscription FilmReports($film: ID!, $after: String) {
  changes(filter: { film: $film, kinds: [RECORDED] }, after: $after) { cursor event { ... on AttachmentEvent { id } } } }`;

type Pushed = { cursor: string; event: { id: string } };

beforeAll(async () => {
  database = await createTestDatabase();
  const migrate = spawnSync(
    process.execPath,
    [resolve(__dirname, '..', '..', 'dist', 'src', 'cli', 'migrate.js')],
    { env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8', timeout: 60_000 },
  );
  if (migrate.status !== 0) throw new Error(`migrate failed: ${migrate.stderr}`);
  db = createDataSource(loadConfig({ DATABASE_URL: database.url }).database);
  await db.initialize();
  key = await newApiKey(db, 'pg-live');
  [a, b] = await Promise.all([1, 2].map(() => startServerProcess({ DATABASE_URL: database.url })));
  const ids = await post<Record<string, { id: string }>>(
    a,
    `query Ids($film: String!, $p1: String!, $p2: String!) {
      film(slug: $film) { id } p1: person(slug: $p1) { id } p2: person(slug: $p2) { id } }`,
    {
      film: SEED.films.extraction3,
      p1: SEED.people.chrisHemsworth,
      p2: SEED.people.davidHarbour,
    },
  );
  film = ids.film.id;
  people.push(ids.p1.id, ids.p2.id);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  const codes = await Promise.all([a, b].map((server) => server?.stop()));
  await closeWriter(db);
  await db.destroy();
  await database.drop();
  expect(codes).toEqual([0, 0]);
});

/**
 * The cursor of the newest change: a subscription from it gets every later write, however long the
 * subscribe message takes to reach the server.
 */
async function feedEnd(server: ServerProcess): Promise<string | null> {
  let after: string | null = null;
  for (;;) {
    type Page = { changes: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
    const { changes }: Page = await post<Page>(
      server,
      `query FeedEnd($after: String) {
        changes(since: "2000-01-01T00:00:00Z", first: 100, after: $after) { pageInfo { endCursor hasNextPage } } }`,
      { after },
    );
    after = changes.pageInfo.endCursor ?? after;
    if (!changes.pageInfo.hasNextPage) return after;
  }
}

test('a report written through server A reaches a subscriber on server B within a second', async () => {
  const client = wsClient(b.url);
  clients.push(client);
  const sub = subscribe<Pushed>(client, REPORTS, { film, after: await feedEnd(b) });
  const started = performance.now();
  const event = await report(a, people[0], 'IN_TALKS');
  const [pushed] = await sub.waitFor(1, 1_000);
  expect(performance.now() - started).toBeLessThan(1_000);
  expect(pushed.event.id).toBe(event);
  sub.unsubscribe();
});

/** Waits until this many servers hold a LISTEN connection (at most 10 s). */
async function listenersConnected(count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [{ n }]: { n: string }[] = await db.query(
      `SELECT count(*) AS n FROM pg_stat_activity
       WHERE application_name = 'franchise-graph-listener' AND datname = current_database()`,
    );
    if (Number(n) >= count) return;
    if (Date.now() > deadline) throw new Error(`${n} of ${count} LISTEN connections after 10 s`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

test('killing the LISTEN connections while writes continue delivers every change exactly once, in order', async () => {
  const client = wsClient(b.url);
  clients.push(client);
  const sub = subscribe<Pushed>(client, REPORTS, { film, after: await feedEnd(b) });
  const statuses = ['RUMORED', 'IN_TALKS', 'IN_NEGOTIATIONS', 'EXPECTED', 'ATTACHED', 'CONFIRMED'];
  const written: string[] = [];
  let killed = 0;
  for (let i = 0; i < 30; i += 1) {
    if (i % 5 === 2) {
      // Both servers' listeners are back from the last kill (they reconnect after 100 ms, then
      // back off), so that every kill cuts a live LISTEN connection on each server.
      await listenersConnected(2);
      const rows: unknown[] = await db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = 'franchise-graph-listener' AND datname = current_database()`,
      );
      killed += rows.length;
    }
    // Through A only: B learns of these from PostgreSQL alone.
    written.push(await report(a, people[i % 2], statuses[i % statuses.length]));
  }
  expect(killed).toBeGreaterThanOrEqual(12); // 6 kills, each of both servers’ listeners
  const received = await sub.waitFor(written.length, 15_000);
  expect(received.map((change) => change.event.id)).toEqual(written);
  await new Promise((done) => setTimeout(done, 500));
  expect(sub.received).toHaveLength(written.length);
  expect(new Set(sub.received.map((change) => change.cursor)).size).toBe(written.length);
  expect(b.output()).toMatch(/the LISTEN connection for subscriptions was lost; reconnecting/);
  sub.unsubscribe();
}, 60_000);
