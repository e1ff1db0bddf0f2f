import { introspect, type ClientSchema } from './client-documents';
import { createTestServer, type TestServer } from './test-server';

/** What a client test reads once the server is up: its GraphQL URL and the schema it introspected. */
export interface ClientServer {
  readonly url: string;
  readonly client: ClientSchema;
}

/**
 * The set-up the client tests (Apollo Client, relay-runtime) share: a test server listening over HTTP,
 * its schema introspected as a client learns it, and console.warn/error spied on, which must stay
 * silent in every test (the clients report lost cache data, missing fields, bad merges and conflicting
 * records through them). Call it at the top of the test file; read the fields inside tests and hooks.
 */
export function useClientServer(): ClientServer {
  let server: TestServer;
  let url: string;
  let client: ClientSchema;
  const warn = jest.spyOn(console, 'warn');
  const error = jest.spyOn(console, 'error');

  beforeAll(async () => {
    server = await createTestServer();
    url = `${await server.listen()}/graphql`;
    client = await introspect(url);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    warn.mockClear();
    error.mockClear();
  });
  afterEach(() => {
    expect([...warn.mock.calls, ...error.mock.calls]).toEqual([]);
  });

  return {
    get url() {
      return url;
    },
    get client() {
      return client;
    },
  };
}
