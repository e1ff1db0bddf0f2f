import { parse, type DocumentNode } from 'graphql';
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
  README_QUERIES,
  README_VARIABLES,
  serverAnswer,
  THEN_AND_TODAY,
  THEN_AND_TODAY_VARIABLES,
  withIds,
} from '../support/client-documents';
import { useClientServer } from '../support/client-server';
import { relayRequest } from '../support/relay-request';

/**
 * relay-runtime 21 (Environment, Network, Store) against the real server over HTTP. The operations are
 * built from the parsed README queries by test/support/relay-request.ts (no relay-compiler: the README's
 * operation names do not follow its module naming rule). The store hands back exactly what the server
 * sent, and Relay's normalizer, which warns when one id comes with two values for a field, stays quiet
 * (useClientServer() requires console.warn/error to stay silent in every test).
 */

const server = useClientServer();

function newEnvironment(): Environment {
  return new Environment({
    network: Network.create(async (params, variables) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: params.text, variables }),
      });
      return response.json();
    }),
    store: new Store(new RecordSource()),
  });
}

/** The Relay operation for `query` (already given its ids by withIds). */
const relayOf = (query: DocumentNode): ConcreteRequest => relayRequest(server.client.schema, query);

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
    /** The store's snapshot, read now, must be whole and what the server sent. */
    const expectAsSent = ({ name, read, sent }: (typeof runs)[number]) => {
      const snapshot = read();
      expect({ name, data: snapshot.data, missing: snapshot.isMissingData }).toEqual({
        name,
        data: sent,
        missing: false,
      });
    };
    for (const { name, document } of README_QUERIES) {
      const query = withIds(server.client.schema, document);
      const variables = README_VARIABLES[name] ?? {};
      const sent = (await serverAnswer(server.url, query, variables)) as {
        data: unknown;
        errors?: unknown;
      };
      expect({ name, errors: sent.errors }).toEqual({ name, errors: undefined });
      const read = await fetchAndRead(environment, relayOf(query), variables);
      const run = { name, read, sent: sent.data };
      expectAsSent(run);
      runs.push(run);
    }
    for (const run of runs) expectAsSent(run);
    expect(runs.length).toBeGreaterThanOrEqual(5);
  });

  test('credits listed as of a day and today, with and without the day on their fields, are stored as sent', async () => {
    const environment = newEnvironment();
    const query = withIds(server.client.schema, THEN_AND_TODAY);
    const variables = THEN_AND_TODAY_VARIABLES;
    const sent = (await serverAnswer(server.url, query, variables)) as { data: unknown };
    const read = await fetchAndRead(environment, relayOf(query), variables);
    expect(read().data).toEqual(sent.data);
  });
});

describe('abstract types', () => {
  test('a union field (the events of the changes feed) is stored and read back as sent', async () => {
    const environment = newEnvironment();
    const query = withIds(
      server.client.schema,
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
      server.url,
      parse(
        'query Created { changes(since: "2000-01-01T00:00:00Z", first: 100) { pageInfo { endCursor } } }',
      ),
    )) as { data: { changes: { pageInfo: { endCursor: string } } } };
    const variables = { after: created.data.changes.pageInfo.endCursor };
    const sent = (await serverAnswer(server.url, query, variables)) as {
      data: { changes: { edges: { node: { event: { __typename: string } | null } }[] } };
      errors?: unknown;
    };
    expect(sent.errors).toBeUndefined();
    const types = new Set(sent.data.changes.edges.map((edge) => edge.node.event?.__typename));
    expect(types.size).toBeGreaterThan(1);
    const read = await fetchAndRead(environment, relayOf(query), variables);
    expect(read().data).toEqual(sent.data);
  });
});
