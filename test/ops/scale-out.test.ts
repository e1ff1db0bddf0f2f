import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { closeWriter } from '../../src/db/transactions';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { MIGRATIONS } from '../../src/db/migrations';
import { SEED } from '../../seeds/seed';
import { countRows, newApiKey } from '../support/editor';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Two real server processes (the compiled dist/src/main.js) on one database, as behind a load
// balancer: nothing but the database is shared between them.

let database: TestDatabase;
let db: DataSource;
let servers: ServerProcess[] = [];
let key: string;

type Result<T> = {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

async function post<T>(
  server: ServerProcess,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Result<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result<T>;
}

function migrate(url: string): string {
  const run = spawnSync(
    process.execPath,
    [resolve(__dirname, '..', '..', 'dist', 'src', 'cli', 'migrate.js')],
    {
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  if (run.status !== 0) throw new Error(`migrate failed: ${run.stderr}`);
  return run.stdout;
}

beforeAll(async () => {
  database = await createTestDatabase();
  // What a deployment does: migrate once, then start the servers.
  expect(migrate(database.url)).toMatch(
    new RegExp(
      `: ${MIGRATIONS.length} migration\\(s\\) run, seed data loaded into the empty database`,
    ),
  );
  expect(migrate(database.url)).toMatch(/: no pending migrations \(\d+ ms\)\n$/);

  db = createDataSource(loadConfig({ DATABASE_URL: database.url }).database);
  await db.initialize();
  key = await newApiKey(db, 'scale-out');

  servers = await Promise.all([1, 2].map(() => startServerProcess({ DATABASE_URL: database.url })));
});

afterAll(async () => {
  const codes = await Promise.all(servers.map((server) => server.stop()));
  await closeWriter(db);
  await db.destroy();
  await database.drop();
  expect(codes).toEqual(servers.map(() => 0));
});

const RECORD = `mutation Record($input: RecordAttachmentInput!) {
  recordAttachment(input: $input) { duplicate credit { id } event { id } } }`;

type Recorded = {
  recordAttachment: { duplicate: boolean; credit: { id: string }; event: { id: string } };
};

async function newPerson(name: string): Promise<string> {
  const result = await post<{ createPerson: { person: { id: string } } }>(
    servers[0],
    `mutation P($name: String!) { createPerson(input: { name: $name }) { person { id } } }`,
    { name },
  );
  return result.data!.createPerson.person.id;
}

async function filmId(slug: string): Promise<string> {
  const result = await post<{ film: { id: string } }>(
    servers[1],
    `query F($slug: String!) { film(slug: $slug) { id } }`,
    {
      slug,
    },
  );
  return result.data!.film.id;
}

test('a report recorded through one server is visible through the other at once', async () => {
  const since = new Date().toISOString();
  const person = await newPerson('Scale Out Director');
  const recorded = await post<Recorded>(servers[0], RECORD, {
    input: {
      film: await filmId(SEED.films.extraction3),
      person,
      role: 'DIRECTOR',
      status: 'IN_TALKS',
      confidence: 'TRADE_REPORTED',
      effectiveDate: '2026-08-01',
      source: { url: 'https://example.com/scale-out/director', title: 'Director in talks' },
    },
  });
  expect(recorded.errors).toBeUndefined();
  const { credit, event } = recorded.data!.recordAttachment;

  const seen = await post(
    servers[1],
    `query Seen($credit: ID!, $since: DateTime!) {
      node(id: $credit) { ... on Credit { status person { name } latestEvent { id } } }
      changes(since: $since) { edges { node { kind by event { ... on AttachmentEvent { id } } } } } }`,
    { credit: credit.id, since },
  );
  expect(seen).toEqual({
    data: {
      node: {
        status: 'IN_TALKS',
        person: { name: 'Scale Out Director' },
        latestEvent: { id: event.id },
      },
      changes: {
        edges: [
          { node: { kind: 'CREATED', by: 'scale-out', event: null } }, // the person
          { node: { kind: 'CREATED', by: 'scale-out', event: null } }, // the credit
          { node: { kind: 'RECORDED', by: 'scale-out', event: { id: event.id } } },
        ],
      },
    },
  });
});

test('20 concurrent conflicting updates spread over both servers: exactly one succeeds, 19 are VERSION_CONFLICT', async () => {
  const created = await post<{ createFilm: { film: { id: string; version: number } } }>(
    servers[0],
    `mutation CreateContestedFilm { createFilm(input: { title: "Contested Across Servers" }) { film { id version } } }`,
  );
  const { id, version } = created.data!.createFilm.film;
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      post<{ updateFilm: { film: { version: number; synopsis: string } } }>(
        servers[i % 2],
        `mutation U($input: UpdateFilmInput!) { updateFilm(input: $input) { film { version synopsis } } }`,
        {
          input: {
            id,
            expectedVersion: version,
            synopsis: `Written through server ${(i % 2) + 1}, writer ${i}`,
          },
        },
      ),
    ),
  );
  const winners = results.filter((result) => result.data?.updateFilm.film);
  const codes = results.flatMap(
    (result) => result.errors?.map((error) => error.extensions?.code) ?? [],
  );
  expect(winners).toHaveLength(1);
  expect(codes).toEqual(Array(19).fill('VERSION_CONFLICT'));
  for (const server of servers) {
    const after = await post<{ node: unknown }>(
      server,
      `query F($id: ID!) { node(id: $id) { ... on Film { version synopsis } } }`,
      { id },
    );
    expect(after.data!.node).toEqual({
      version: version + 1,
      synopsis: winners[0].data!.updateFilm.film.synopsis,
    });
  }
});

test('the same report sent to both servers at once is stored once, and exactly one answer says it is new', async () => {
  const input = {
    film: await filmId(SEED.films.extraction3),
    person: await newPerson('Scale Out Writer'),
    role: 'WRITER',
    status: 'IN_NEGOTIATIONS',
    confidence: 'TRADE_REPORTED',
    effectiveDate: '2026-08-02',
    source: { url: 'https://example.com/scale-out/repeated', title: 'Repeated across servers' },
  };
  const before = await countRows(db, 'credit', 'attachment_event', 'source');
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => post<Recorded>(servers[i % 2], RECORD, { input })),
  );
  expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
  expect(new Set(results.map((result) => result.data!.recordAttachment.event.id)).size).toBe(1);
  expect(results.filter((result) => !result.data!.recordAttachment.duplicate)).toHaveLength(1);
  expect(await countRows(db, 'credit', 'attachment_event', 'source')).toEqual({
    credit: before.credit + 1,
    attachment_event: before.attachment_event + 1,
    source: before.source + 1,
  });
});

test('different first reports of one new credit sent to both servers at once create the credit once', async () => {
  const film = await filmId(SEED.films.extraction3);
  const person = await newPerson('Scale Out Star');
  const before = await countRows(db, 'credit', 'attachment_event');
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      post<Recorded>(servers[i % 2], RECORD, {
        input: {
          film,
          person,
          role: 'CAST',
          status: 'RUMORED',
          confidence: 'SPECULATIVE',
          effectiveDate: '2026-08-03',
          source: { url: `https://example.com/scale-out/rumor-${i}`, title: `Rumor ${i}` },
        },
      }),
    ),
  );
  expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
  expect(new Set(results.map((result) => result.data!.recordAttachment.credit.id)).size).toBe(1);
  expect(results.every((result) => result.data!.recordAttachment.duplicate === false)).toBe(true);
  expect(await countRows(db, 'credit', 'attachment_event')).toEqual({
    credit: before.credit + 1,
    attachment_event: before.attachment_event + 10,
  });
});

test('both servers list the same changes in the same order', async () => {
  const query = `query Feed { changes(since: "2000-01-01T00:00:00Z", first: 100) { totalCount edges { cursor } } }`;
  const [first, second] = await Promise.all(servers.map((server) => post(server, query)));
  expect(first.errors).toBeUndefined();
  expect(second).toEqual(first);
});
