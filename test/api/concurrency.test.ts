import { SEED } from '../../seeds/seed';
import { countRows, newApiKey } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let url: string;
let key: string;

beforeAll(async () => {
  server = await createTestServer();
  url = await server.listen();
  key = await newApiKey(server.dataSource, 'concurrency');
});
afterAll(() => server.close());

type Result<T> = {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

async function post<T>(query: string, variables: Record<string, unknown>): Promise<Result<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result<T>;
}

const RECORD = `mutation Record($input: RecordAttachmentInput!) {
  recordAttachment(input: $input) { duplicate credit { id } event { id } } }`;

async function filmId(slug: string): Promise<string> {
  const result = await post<{ film: { id: string } }>(
    `query F($slug: String!) { film(slug: $slug) { id } }`,
    { slug },
  );
  return result.data!.film.id;
}

test('50 concurrent recordAttachment calls on different credits all succeed and all 50 events are stored', async () => {
  const film = await filmId(SEED.films.extraction3);
  const people = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      post<{ createPerson: { person: { id: string } } }>(
        `mutation P($name: String!) { createPerson(input: { name: $name }) { person { id } } }`,
        {
          name: `Concurrent Person ${i + 1}`,
        },
      ),
    ),
  );
  expect(people.flatMap((result) => result.errors ?? [])).toEqual([]);
  const before = await countRows(server.dataSource, 'credit', 'attachment_event', 'source');

  const started = performance.now();
  const results = await Promise.all(
    people.map((person, i) =>
      post<{ recordAttachment: { duplicate: boolean; event: { id: string } } }>(RECORD, {
        input: {
          film,
          person: person.data!.createPerson.person.id,
          role: 'CAST',
          status: 'RUMORED',
          confidence: 'SPECULATIVE',
          effectiveDate: '2026-06-01',
          // Half share one new source: it must be created once and reused, even under concurrency.
          source: {
            url:
              i % 2 === 0
                ? 'https://example.com/casting-roundup'
                : `https://example.com/casting/${i}`,
            title: 'Casting',
          },
        },
      }),
    ),
  );
  const elapsed = performance.now() - started;
  process.stdout.write(
    `50 concurrent recordAttachment calls over HTTP took ${elapsed.toFixed(0)} ms\n`,
  );

  expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
  expect(new Set(results.map((result) => result.data!.recordAttachment.event.id)).size).toBe(50);
  expect(results.every((result) => result.data!.recordAttachment.duplicate === false)).toBe(true);
  expect(await countRows(server.dataSource, 'credit', 'attachment_event', 'source')).toEqual({
    credit: before.credit + 50,
    attachment_event: before.attachment_event + 50,
    source: before.source + 26,
  });
});

test('10 concurrent updates of one film with the same expectedVersion: exactly one succeeds, 9 are VERSION_CONFLICT', async () => {
  const created = await post<{ createFilm: { film: { id: string; version: number } } }>(
    `mutation CreateContestedFilm { createFilm(input: { title: "Contested Film" }) { film { id version } } }`,
    {},
  );
  const { id, version } = created.data!.createFilm.film;
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      post<{ updateFilm: { film: { version: number; synopsis: string } } }>(
        `mutation U($input: UpdateFilmInput!) { updateFilm(input: $input) { film { version synopsis } } }`,
        { input: { id, expectedVersion: version, synopsis: `Version by writer ${i}` } },
      ),
    ),
  );
  const winners = results.filter((result) => result.data?.updateFilm.film);
  const codes = results.flatMap(
    (result) => result.errors?.map((error) => error.extensions?.code) ?? [],
  );
  expect(winners).toHaveLength(1);
  expect(codes).toEqual(Array(9).fill('VERSION_CONFLICT'));
  const after = await post<{ node: { version: number; synopsis: string } }>(
    `query F($id: ID!) { node(id: $id) { ... on Film { version synopsis } } }`,
    { id },
  );
  expect(after.data!.node).toEqual({
    version: version + 1,
    synopsis: winners[0].data!.updateFilm.film.synopsis,
  });
});

test('the same report sent 10 times at once is stored once', async () => {
  const film = await filmId(SEED.films.extraction3);
  const person = await post<{ createPerson: { person: { id: string } } }>(
    `mutation CreateRepeatedReportPerson { createPerson(input: { name: "Repeated Report" }) { person { id } } }`,
    {},
  );
  const before = await countRows(server.dataSource, 'credit', 'attachment_event', 'source');
  const input = {
    film,
    person: person.data!.createPerson.person.id,
    role: 'WRITER',
    status: 'IN_NEGOTIATIONS',
    confidence: 'TRADE_REPORTED',
    effectiveDate: '2026-07-01',
    source: { url: 'https://example.com/repeated', title: 'Repeated' },
  };
  const results = await Promise.all(
    Array.from({ length: 10 }, () =>
      post<{ recordAttachment: { duplicate: boolean; event: { id: string } } }>(RECORD, { input }),
    ),
  );
  expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
  expect(new Set(results.map((result) => result.data!.recordAttachment.event.id)).size).toBe(1);
  expect(results.filter((result) => !result.data!.recordAttachment.duplicate)).toHaveLength(1);
  expect(await countRows(server.dataSource, 'credit', 'attachment_event', 'source')).toEqual({
    credit: before.credit + 1,
    attachment_event: before.attachment_event + 1,
    source: before.source + 1,
  });
});

test('reads are answered while writes are queued', async () => {
  const film = await filmId(SEED.films.extraction2);
  const reads = Array.from({ length: 20 }, () =>
    post<{ node: { title: string } }>(
      `query R($id: ID!) { node(id: $id) { ... on Film { title } } }`,
      { id: film },
    ),
  );
  const writes = Array.from({ length: 20 }, (_, i) =>
    post(
      `mutation C($name: String!) { createCharacter(input: { name: $name }) { character { id } } }`,
      {
        name: `Queued Character ${i}`,
      },
    ),
  );
  const [readResults, writeResults] = await Promise.all([Promise.all(reads), Promise.all(writes)]);
  expect(readResults.every((result) => result.data?.node.title === 'Extraction 2')).toBe(true);
  expect(writeResults.flatMap((result) => result.errors ?? [])).toEqual([]);
});
