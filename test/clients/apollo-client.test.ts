import { ApolloClient, HttpLink, InMemoryCache, gql, type ObservableQuery } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import type { DocumentNode } from 'graphql';
import { filter, firstValueFrom, from, skip } from 'rxjs';
import { SEED } from '../../seeds/seed';
import {
  introspect,
  README_QUERIES,
  README_VARIABLES,
  serverAnswer,
  withIds,
  type ClientSchema,
} from '../support/client-documents';
import { createTestServer, type TestServer } from '../support/test-server';

/**
 * Apollo Client 4 (InMemoryCache, possibleTypes from introspection) against the real server over HTTP:
 * the README's queries come out of the cache exactly as the server sent them, and relayStylePagination
 * pages a franchise's films forwards and backwards.
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
  // Apollo reports lost cache data, missing fields and bad merges through console.warn/error.
  expect([...warn.mock.calls, ...error.mock.calls]).toEqual([]);
});

function newApollo(typePolicies = {}): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: url }),
    cache: new InMemoryCache({ possibleTypes: client.possibleTypes, typePolicies }),
  });
}

describe('the README’s queries through one Apollo cache', () => {
  test('there are README queries to run', () => {
    expect(README_QUERIES.map((q) => q.name)).toEqual(
      expect.arrayContaining(['Extraction2Attachments', 'ExtractionFranchiseGraph', 'History']),
    );
  });

  test('each comes back from the network, and again from the cache after all the others, exactly as the server sent it', async () => {
    const apollo = newApollo();
    const runs: {
      name: string;
      query: DocumentNode;
      variables: Record<string, unknown>;
      sent: unknown;
    }[] = [];
    for (const { name, document } of README_QUERIES) {
      const query = withIds(client.schema, document);
      const variables = README_VARIABLES[name] ?? {};
      const sent = await serverAnswer(url, query, variables);
      expect({ name, errors: (sent as { errors?: unknown }).errors }).toEqual({
        name,
        errors: undefined,
      });
      const fetched = await apollo.query({ query, variables, fetchPolicy: 'network-only' });
      expect({ name, data: fetched.data }).toEqual({
        name,
        data: (sent as { data: unknown }).data,
      });
      runs.push({ name, query, variables, sent });
    }
    // Every query has written into the one cache: each must still read back whole and unchanged.
    for (const { name, query, variables, sent } of runs) {
      const cached = await apollo.query({ query, variables, fetchPolicy: 'cache-only' });
      expect({ name, data: cached.data }).toEqual({ name, data: (sent as { data: unknown }).data });
    }
  });

  test('the same credits listed then and today keep their own values in the cache', async () => {
    const apollo = newApollo();
    const query = withIds(
      client.schema,
      README_QUERIES.find((q) => q.name === 'Extraction2Attachments')!.document,
    );
    const { data } = await apollo.query<{
      film: {
        then: { id: string; person: { name: string }; status: string }[];
        today: { id: string; person: { name: string }; status: string }[];
      };
    }>({ query, fetchPolicy: 'network-only' });
    const then = Object.fromEntries(data!.film.then.map((c) => [c.person.name, c.status]));
    expect(then).toEqual({
      'Sam Hargrave': 'EXPECTED',
      'Joe Russo': 'CONFIRMED',
      'Chris Hemsworth': 'EXPECTED',
    });
    expect(data!.film.today.map((c) => c.status)).toEqual(['CREDITED', 'CREDITED']);
    // The same credit under both aliases: one id, one cache entry, two field keys.
    const shared = data!.film.today
      .map((c) => c.id)
      .filter((id) => data!.film.then.some((c) => c.id === id));
    expect(shared).toHaveLength(2);
    const stored = apollo.cache.extract() as Record<string, Record<string, unknown>>;
    const hargrave = stored[`Credit:${shared[0]}`];
    expect(hargrave).toMatchObject({
      'status({"asOf":"2020-05-05"})': 'EXPECTED',
      status: 'CREDITED',
    });
  });
});

describe('then and today in one query (the issue’s report)', () => {
  test('credits listed as of a day and today, with and without the day on their fields, come out of the cache as sent', async () => {
    const apollo = newApollo();
    const query = withIds(
      client.schema,
      gql`
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
      `,
    );
    const variables = { day: '2020-05-05' };
    const sent = (await serverAnswer(url, query, variables)) as { data: unknown };
    const fetched = await apollo.query({ query, variables, fetchPolicy: 'network-only' });
    expect(fetched.data).toEqual(sent.data);
    expect((await apollo.query({ query, variables, fetchPolicy: 'cache-only' })).data).toEqual(
      sent.data,
    );
  });
});

describe('relayStylePagination over a franchise’s films', () => {
  const FILMS = gql`
    query FranchiseFilms($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {
      franchise(slug: $slug) {
        id
        films(first: $first, after: $after, last: $last, before: $before) {
          edges {
            cursor
            releaseOrdinal
            node {
              id
              slug
            }
          }
          pageInfo {
            hasNextPage
            hasPreviousPage
            startCursor
            endCursor
          }
        }
      }
    }
  `;
  type Page = {
    franchise: {
      films: {
        edges: { node: { slug: string } }[];
        pageInfo: {
          hasNextPage: boolean;
          hasPreviousPage: boolean;
          startCursor: string;
          endCursor: string;
        };
      };
    };
  };
  const slug = SEED.franchises.mcu;
  const paged = () => newApollo({ Franchise: { fields: { films: relayStylePagination() } } });
  const slugsOf = (data: Page | undefined) => data!.franchise.films.edges.map((e) => e.node.slug);

  /** A watched query (kept subscribed, as a component keeps it) and its first complete result. */
  async function watched(apollo: ApolloClient, variables: Record<string, unknown>) {
    const watch = apollo.watchQuery<Page>({ query: FILMS, variables });
    subscriptions.push(watch.subscribe(() => {}));
    const first = await firstValueFrom(
      from(watch).pipe(filter((result) => result.dataState === 'complete')),
    );
    return { watch, data: first.data as Page };
  }
  /** The watched query's next complete result: what a component shows after fetchMore. */
  const nextResult = (watch: ObservableQuery<Page>) =>
    firstValueFrom(
      from(watch).pipe(
        skip(1),
        filter((result) => !result.loading && result.dataState === 'complete'),
      ),
    );
  const subscriptions: { unsubscribe(): void }[] = [];
  afterAll(() => subscriptions.forEach((subscription) => subscription.unsubscribe()));

  let all: string[];
  beforeAll(async () => {
    const whole = await serverAnswer(url, FILMS, { slug, first: 100 });
    all = slugsOf((whole as { data: Page }).data);
  });

  test('the franchise has films to page through', () => {
    expect(all).toEqual([
      SEED.films.winterSoldier,
      SEED.films.civilWar,
      SEED.films.infinityWar,
      SEED.films.endgame,
    ]);
  });

  test('forwards, one film a page, the cache grows to the whole list in order', async () => {
    const apollo = paged();
    const { watch, data: firstPage } = await watched(apollo, { slug, first: 1 });
    let data: Page | undefined = firstPage;
    const seen = [slugsOf(data as Page)];
    while ((data as Page).franchise.films.pageInfo.hasNextPage && seen.length <= all.length) {
      const next = nextResult(watch);
      await watch.fetchMore({
        variables: { first: 1, after: (data as Page).franchise.films.pageInfo.endCursor },
      });
      data = (await next).data as Page;
      seen.push(slugsOf(data as Page));
    }
    expect(seen).toEqual(all.map((_, i) => all.slice(0, i + 1)));
    expect((data as Page).franchise.films.pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: false,
    });
  });

  test('backwards from the end, one film a page, the cache grows to the whole list in order', async () => {
    const apollo = paged();
    const { watch, data: firstPage } = await watched(apollo, { slug, last: 1 });
    let data: Page | undefined = firstPage;
    const seen = [slugsOf(data as Page)];
    while ((data as Page).franchise.films.pageInfo.hasPreviousPage && seen.length <= all.length) {
      const next = nextResult(watch);
      await watch.fetchMore({
        variables: { last: 1, before: (data as Page).franchise.films.pageInfo.startCursor },
      });
      data = (await next).data as Page;
      seen.push(slugsOf(data as Page));
    }
    expect(seen).toEqual(all.map((_, i) => all.slice(all.length - 1 - i)));
  });
});
