import { CountingLogger } from '../../src/db/sql-tally';
import { SEED } from '../../seeds/seed';
import { newApiKey } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

/**
 * A request's SQL tally (its log line's `sqlStatements`, the benchmark's statements per request) counts
 * the statements TypeORM ran for that request: its reads, through the request's reader, and its writes,
 * in its transaction. Each operation below takes another way to the database.
 */
let server: TestServer;
let key: string;
let people = 0;

const OPERATIONS: {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  editor?: boolean;
}[] = [
  {
    name: 'a franchise graph (loaders)',
    query: `query ($slug: String!) { franchise(slug: $slug) { name films(first: 5) { totalCount
      edges { node { title credits { status person { name credits { film { title } } } } } } } } }`,
    variables: () => ({ slug: SEED.franchises.extraction }),
  },
  {
    name: 'a film by slug',
    query: `query ($slug: String!) { film(slug: $slug) { title } }`,
    variables: () => ({ slug: SEED.films.extraction2 }),
  },
  {
    name: 'a list with its total',
    query: `{ films(first: 3) { totalCount edges { node { title } } } }`,
  },
  { name: 'search', query: `{ search(text: "hemsworth") { __typename } }` },
  {
    name: 'the changes feed',
    query: `{ changes(since: "2000-01-01T00:00:00Z", first: 3) { totalCount edges { cursor } } }`,
  },
  {
    name: 'a mutation with an API key',
    query: `mutation ($name: String!) { createPerson(input: { name: $name }) { id name } }`,
    variables: () => ({ name: `Tally Person ${++people}` }),
    editor: true,
  },
];

beforeAll(async () => {
  server = await createTestServer();
  key = await newApiKey(server.dataSource, 'tally-desk');
});
afterAll(() => server.close());

async function run(operation: (typeof OPERATIONS)[number]) {
  const { result, statements } = await server.executeCounted(
    operation.query,
    operation.variables?.(),
    operation.editor ? { apiKey: key } : {},
  );
  expect(result.errors).toBeUndefined();
  return statements;
}

test.each(OPERATIONS)('every statement TypeORM runs for $name counts towards it', async (op) => {
  const logged = jest.spyOn(CountingLogger.prototype, 'logQuery');
  try {
    const statements = await run(op);
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBe(logged.mock.calls.length);
  } finally {
    logged.mockRestore();
  }
});

test('concurrent requests each count their own statements only', async () => {
  const alone = [];
  for (const op of OPERATIONS) alone.push(await run(op));
  const together = await Promise.all(
    Array.from({ length: 4 }, () => Promise.all(OPERATIONS.map((op) => run(op)))),
  );
  for (const counts of together) expect(counts).toEqual(alone);
});
