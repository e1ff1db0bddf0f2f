import { ApolloClient, HttpLink, InMemoryCache, gql, type ObservableQuery } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import type { DocumentNode } from 'graphql';
import { filter, firstValueFrom, from, skip } from 'rxjs';
import { SEED } from '../../seeds/seed';
import {
  README_QUERIES,
  README_VARIABLES,
  serverAnswer,
  THEN_AND_TODAY,
  THEN_AND_TODAY_VARIABLES,
  withIds,
} from '../support/client-documents';
import { useClientServer } from '../support/client-server';

/**
 * Apollo Client 4 (InMemoryCache, possibleTypes from introspection) against the real server over HTTP:
 * the README's queries come out of the cache exactly as the server sent them, and relayStylePagination
 * pages a franchise's films forwards and backwards. Apollo reports lost cache data, missing fields and
 * bad merges through console.warn/error, which useClientServer() requires to stay silent.
 */

const server = useClientServer();

function newApollo(typePolicies = {}): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: server.url }),
    cache: new InMemoryCache({ possibleTypes: server.client.possibleTypes, typePolicies }),
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
    /** `query` read with `fetchPolicy` must give what the server sent (named, to tell failures apart). */
    const expectAsSent = async (
      { name, query, variables, sent }: (typeof runs)[number],
      fetchPolicy: 'network-only' | 'cache-only',
    ) => {
      const { data } = await apollo.query({ query, variables, fetchPolicy });
      expect({ name, data }).toEqual({ name, data: (sent as { data: unknown }).data });
    };
    for (const { name, document } of README_QUERIES) {
      const query = withIds(server.client.schema, document);
      const variables = README_VARIABLES[name] ?? {};
      const sent = await serverAnswer(server.url, query, variables);
      expect({ name, errors: (sent as { errors?: unknown }).errors }).toEqual({
        name,
        errors: undefined,
      });
      const run = { name, query, variables, sent };
      await expectAsSent(run, 'network-only');
      runs.push(run);
    }
    // Every query has written into the one cache: each must still read back whole and unchanged.
    for (const run of runs) await expectAsSent(run, 'cache-only');
  });

  test('the same credits listed then and today keep their own values in the cache', async () => {
    const apollo = newApollo();
    const query = withIds(
      server.client.schema,
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
    const query = withIds(server.client.schema, THEN_AND_TODAY);
    const variables = THEN_AND_TODAY_VARIABLES;
    const sent = (await serverAnswer(server.url, query, variables)) as { data: unknown };
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
    const whole = await serverAnswer(server.url, FILMS, { slug, first: 100 });
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

  /**
   * Pages through the franchise one film at a time from its start (forwards) or end (backwards) with
   * fetchMore; returns the slugs the watched query showed after each page, and the last pageInfo.
   */
  async function pageThrough(direction: 'forwards' | 'backwards') {
    const forwards = direction === 'forwards';
    const apollo = paged();
    const { watch, data: firstPage } = await watched(
      apollo,
      forwards ? { slug, first: 1 } : { slug, last: 1 },
    );
    let data = firstPage;
    const seen = [slugsOf(data)];
    const more = () =>
      forwards
        ? data.franchise.films.pageInfo.hasNextPage
        : data.franchise.films.pageInfo.hasPreviousPage;
    while (more() && seen.length <= all.length) {
      const next = nextResult(watch);
      const { endCursor, startCursor } = data.franchise.films.pageInfo;
      await watch.fetchMore({
        variables: forwards ? { first: 1, after: endCursor } : { last: 1, before: startCursor },
      });
      data = (await next).data as Page;
      seen.push(slugsOf(data));
    }
    return { seen, pageInfo: data.franchise.films.pageInfo };
  }

  test('forwards, one film a page, the cache grows to the whole list in order', async () => {
    const { seen, pageInfo } = await pageThrough('forwards');
    expect(seen).toEqual(all.map((_, i) => all.slice(0, i + 1)));
    expect(pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  test('backwards from the end, one film a page, the cache grows to the whole list in order', async () => {
    const { seen } = await pageThrough('backwards');
    expect(seen).toEqual(all.map((_, i) => all.slice(all.length - 1 - i)));
  });
});
