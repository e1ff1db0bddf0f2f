import { parse } from 'graphql';
import {
  createOperationDescriptor,
  Environment,
  fetchQuery,
  Network,
  RecordSource,
  Store,
  type ConcreteRequest,
  type Variables,
} from 'relay-runtime';
import {
  introspect,
  README_QUERIES,
  README_VARIABLES,
  serverAnswer,
  withIds,
  type ClientSchema,
} from '../support/client-documents';
import { relayRequest } from '../support/relay-request';
import { createTestServer, type TestServer } from '../support/test-server';

/**
 * relay-runtime 21 (Environment, Network, Store) against the real server over HTTP. The operations are
 * built from the parsed README queries by test/support/relay-request.ts (no relay-compiler: the README's
 * operation names do not follow its module naming rule). The store hands back exactly what the server
 * sent, and Relay's normalizer, which warns when one id comes with two values for a field, stays quiet.
 */

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
  // Relay's normalizer and reader report conflicting records and missing fields through console.
  expect([...warn.mock.calls, ...error.mock.calls]).toEqual([]);
});

function newEnvironment(): Environment {
  return new Environment({
    network: Network.create(async (params, variables) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: params.text, variables }),
      });
      return response.json();
    }),
    store: new Store(new RecordSource()),
  });
}

/** Fetches `request` into the store, keeps it (as a mounted component does), and reads it back. */
async function fetchAndRead(
  environment: Environment,
  request: ConcreteRequest,
  variables: Variables,
) {
  await fetchQuery(environment, request, variables).toPromise();
  const operation = createOperationDescriptor(request, variables);
  environment.retain(operation);
  return () => environment.lookup(operation.fragment);
}

describe('the README’s queries through one Relay store', () => {
  test('each is read back after its fetch, and again after all the others, exactly as the server sent it', async () => {
    const environment = newEnvironment();
    const runs: {
      name: string;
      read: () => { data: unknown; isMissingData: boolean };
      sent: unknown;
    }[] = [];
    for (const { name, document } of README_QUERIES) {
      const query = withIds(client.schema, document);
      const variables = README_VARIABLES[name] ?? {};
      const sent = (await serverAnswer(url, query, variables)) as {
        data: unknown;
        errors?: unknown;
      };
      expect({ name, errors: sent.errors }).toEqual({ name, errors: undefined });
      const read = await fetchAndRead(environment, relayRequest(client.schema, query), variables);
      const snapshot = read();
      expect({ name, data: snapshot.data, missing: snapshot.isMissingData }).toEqual({
        name,
        data: sent.data,
        missing: false,
      });
      runs.push({ name, read, sent: sent.data });
    }
    for (const { name, read, sent } of runs) {
      const snapshot = read();
      expect({ name, data: snapshot.data, missing: snapshot.isMissingData }).toEqual({
        name,
        data: sent,
        missing: false,
      });
    }
    expect(runs.length).toBeGreaterThanOrEqual(5);
  });

  test('credits listed as of a day and today, with and without the day on their fields, are stored as sent', async () => {
    const environment = newEnvironment();
    const query = withIds(
      client.schema,
      parse(`
        query ThenAndToday($day: Date!) {
          film(slug: "extraction-2") {
            then: credits(asOf: $day) {
              person {
                name
              }
              status
              statusThen: status(asOf: $day)
              latestEvent {
                status
              }
            }
            today: credits {
              person {
                name
              }
              status
              statusThen: status(asOf: $day)
              latestEvent {
                status
              }
            }
          }
        }
      `),
    );
    const variables = { day: '2020-05-05' };
    const sent = (await serverAnswer(url, query, variables)) as { data: unknown };
    const read = await fetchAndRead(environment, relayRequest(client.schema, query), variables);
    expect(read().data).toEqual(sent.data);
  });
});

describe('abstract types', () => {
  test('a union field (the events of the changes feed) is stored and read back as sent', async () => {
    const environment = newEnvironment();
    const query = withIds(
      client.schema,
      parse(`
        query FeedEvents($after: String) {
          changes(since: "2000-01-01T00:00:00Z", first: 100, after: $after) {
            edges {
              node {
                kind
                event {
                  ... on AttachmentEvent {
                    effectiveDate
                    credit {
                      role
                    }
                  }
                  ... on ReleaseEvent {
                    date
                  }
                  ... on TitleEvent {
                    title
                  }
                }
              }
            }
          }
        }
      `),
    );
    // The seed's first 100 writes create records; its reports come after them.
    const created = (await serverAnswer(
      url,
      parse(
        'query Created { changes(since: "2000-01-01T00:00:00Z", first: 100) { pageInfo { endCursor } } }',
      ),
    )) as { data: { changes: { pageInfo: { endCursor: string } } } };
    const variables = { after: created.data.changes.pageInfo.endCursor };
    const sent = (await serverAnswer(url, query, variables)) as {
      data: { changes: { edges: { node: { event: { __typename: string } | null } }[] } };
      errors?: unknown;
    };
    expect(sent.errors).toBeUndefined();
    const types = new Set(sent.data.changes.edges.map((edge) => edge.node.event?.__typename));
    expect(types.size).toBeGreaterThan(1);
    const read = await fetchAndRead(environment, relayRequest(client.schema, query), variables);
    expect(read().data).toEqual(sent.data);
  });
});
