import { compileQuery } from 'graphql-jit';
import { SEED } from '../../seeds/seed';
import { newTrackedRequest } from '../../src/graphql/request';
import { createTestServer, type OperationResult, type TestServer } from '../support/test-server';

// graphql-jit itself, watched: every call still goes to the real compileQuery.
jest.mock('graphql-jit', () => {
  const actual = jest.requireActual<typeof import('graphql-jit')>('graphql-jit');
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});
const compiled = compileQuery as jest.MockedFunction<typeof compileQuery>;

/**
 * Queries run on graphql-jit through Apollo's gateway hook (src/graphql/jit-executor.ts): compiled once
 * per parsed document and operation, not per request. Mutations, and operations that read an interface
 * or union field, stay on graphql-js, and a bad variable is refused with graphql-js's error before
 * anything runs. These tests fail when the app stops executing through graphql-jit, when it compiles
 * per request, or when it compiles what must stay on graphql-js.
 */
let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.close());
beforeEach(() => compiled.mockClear());

/** Runs `operationName` of `query` through Apollo, as a request without a key would. */
async function run<TData>(
  query: string,
  operationName: string,
  variables?: Record<string, unknown>,
): Promise<OperationResult<TData>> {
  const contextValue = await server.app.contextFor({ tracked: newTrackedRequest(operationName) });
  const response = await server.app.apollo.executeOperation(
    { query, operationName, variables },
    { contextValue },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as OperationResult<TData>;
}

// One document with two operations.
const FILM = `query JitFilm($slug: String!) { film(slug: $slug) { title } }
query JitFilmId($slug: String!) { film(slug: $slug) { id } }`;

test('a query is compiled once for its text and operation, then reused by every request', async () => {
  const titles = [];
  for (const slug of [SEED.films.extraction, SEED.films.extraction2, SEED.films.extraction]) {
    const result = await run<{ film: { title: string } }>(FILM, 'JitFilm', { slug });
    expect(result.errors).toBeUndefined();
    titles.push(result.data!.film.title);
  }
  expect(titles).toEqual(['Extraction', 'Extraction 2', 'Extraction']);
  expect(compiled).toHaveBeenCalledTimes(1);
  expect(compiled.mock.calls[0][2]).toBe('JitFilm');

  // The same document's other operation is compiled on its own, once.
  for (const slug of [SEED.films.extraction, SEED.films.extraction2]) {
    const result = await run<{ film: { id: string } }>(FILM, 'JitFilmId', { slug });
    expect(result.errors).toBeUndefined();
    expect(result.data!.film.id).toEqual(expect.any(String));
  }
  expect(compiled).toHaveBeenCalledTimes(2);
  expect(compiled.mock.calls[1][2]).toBe('JitFilmId');
});

test('a bad variable gets graphql-js’s error, and nothing runs', async () => {
  const result = await server.execute(
    `query JitMissing($slug: String!) { film(slug: $slug) { title } }`,
  );
  expect(result.data).toBeUndefined();
  expect(result.errors?.map((error) => error.message)).toEqual([
    'Variable "$slug" of required type "String!" was not provided.',
  ]);
});

test('an operation reading an interface field stays on graphql-js, and answers', async () => {
  const film = await server.execute<{ film: { id: string } }>(
    `query JitFilmOnly($slug: String!) { film(slug: $slug) { id } }`,
    { slug: SEED.films.extraction2 },
  );
  compiled.mockClear();
  const result = await server.execute<{ node: { title: string } }>(
    `query JitNode($id: ID!) { node(id: $id) { ... on Film { title } } }`,
    { id: film.data!.film.id },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.node.title).toBe('Extraction 2');
  expect(compiled).not.toHaveBeenCalled();
});

test('a mutation stays on graphql-js', async () => {
  const result = await server.execute(
    `mutation JitDelete { deleteFilm(input: { id: "nothing" }) { deletedId } }`,
  );
  expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(compiled).not.toHaveBeenCalled();
});
