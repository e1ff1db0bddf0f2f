import { searchTextOf, slugify, sortKeyOf } from '../../src/lib/text';
import { Film } from '../../src/film/film.entity';
import { createTestServer, type OperationResult, type TestServer } from '../support/test-server';
import { describeOnPostgres } from '../support/test-database';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

const SEARCH = `
  query Search($text: String!, $first: Int, $after: String) {
    search(text: $text, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        rank
        node {
          __typename
          ... on Film { title }
          ... on Person { name }
          ... on Franchise { name }
          ... on Character { name }
          ... on Company { name }
        }
      }
    }
  }`;

interface SearchPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; rank: number; node: Record<string, string> }[];
}

/** Runs SEARCH and answers `{ data: { search: [the nodes found] } }` (or the errors). */
async function searchFor(
  variables: Record<string, unknown>,
): Promise<OperationResult<{ search: Record<string, string>[] }>> {
  const result = await server.execute<{ search: SearchPage }>(SEARCH, variables);
  if (!result.data) return { data: null, errors: result.errors };
  return { data: { search: result.data.search.edges.map((edge) => edge.node) } };
}

async function searchPage(variables: Record<string, unknown>): Promise<SearchPage> {
  const result = await server.execute<{ search: SearchPage }>(SEARCH, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.search;
}

const film = (title: string) => ({ __typename: 'Film', title });
const named = (__typename: string, name: string) => ({ __typename, name });

describe('search', () => {
  test('finds every kind of thing, the whole name first, telling them apart by __typename', async () => {
    expect(await searchFor({ text: 'captain america' })).toEqual({
      data: {
        search: [
          named('Franchise', 'Captain America'),
          film('Captain America: Civil War'),
          film('Captain America: The Winter Soldier'),
          named('Character', 'Steve Rogers / Captain America'),
        ],
      },
    });
  });

  test('puts the film whose title is exactly the text before the films whose title only starts with it', async () => {
    expect(await searchFor({ text: 'EXTRACTION' })).toEqual({
      data: {
        search: [
          film('Extraction'),
          named('Franchise', 'Extraction'),
          film('Extraction 2'),
          film('Extraction 3'),
        ],
      },
    });
  });

  test('ignores accents in the text and in the names', async () => {
    const expected = { data: { search: [named('Person', 'Fernando León González')] } };
    expect(await searchFor({ text: 'leon gonzalez' })).toEqual(expected);
    expect(await searchFor({ text: 'LÉÓN' })).toEqual(expected);
  });

  test('finds people by alias, films by working title, characters and companies', async () => {
    expect(await searchFor({ text: 'joseph' })).toEqual({
      data: { search: [named('Person', 'Joe Russo')] },
    });
    expect(await searchFor({ text: 'dhaka' })).toEqual({
      data: { search: [film('Extraction')] },
    });
    expect(await searchFor({ text: 'thor' })).toEqual({
      data: { search: [named('Character', 'Thor')] },
    });
    expect(await searchFor({ text: 'netflix' })).toEqual({
      data: { search: [named('Company', 'Netflix')] },
    });
  });

  test('answers an empty list when nothing matches', async () => {
    expect(await searchFor({ text: 'zzzz' })).toEqual({ data: { search: [] } });
  });

  test('returns at most `first` results, the best ones', async () => {
    expect(await searchFor({ text: 'chris', first: 2 })).toEqual({
      data: { search: [named('Person', 'Chris Evans'), named('Person', 'Chris Hemsworth')] },
    });
  });

  test('returns 20 results by default, like every list', async () => {
    const page = await searchPage({ text: 'a' });
    expect(page.edges).toHaveLength(20);
    expect(page.totalCount).toBeGreaterThan(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  test('pages with first/after through the same results, in the same order, as one page', async () => {
    const whole = await searchPage({ text: 'a', first: 100 });
    expect(whole.pageInfo.hasNextPage).toBe(false);
    const paged: SearchPage['edges'] = [];
    let after: string | null = null;
    do {
      const page: SearchPage = await searchPage({ text: 'a', first: 7, after });
      paged.push(...page.edges);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(whole.edges);
    expect(whole.totalCount).toBe(whole.edges.length);
  });

  test('keeps the ranks: each edge says how well it matched, best first', async () => {
    const page = await searchPage({ text: 'extraction' });
    expect(page.edges.map((edge) => [edge.rank, edge.node.title ?? edge.node.name])).toEqual([
      [0, 'Extraction'],
      [0, 'Extraction'],
      [1, 'Extraction 2'],
      [1, 'Extraction 3'],
    ]);
  });

  test('a cursor of a search for another text is BAD_USER_INPUT on "after"', async () => {
    const page = await searchPage({ text: 'russo', first: 1 });
    const result = await server.execute(SEARCH, { text: 'marvel', after: page.pageInfo.endCursor });
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  test('finds the exact title first even when many earlier films contain it', async () => {
    const repository = server.dataSource.getRepository(Film);
    for (const title of ['Heat 1', 'Heat 2', 'Heat 3', 'Heat 4', 'Heat 5', 'Heat 6', 'Heat']) {
      await repository.save(
        repository.create({
          slug: slugify(title),
          title,
          searchText: searchTextOf(title),
          sortKey: sortKeyOf(title),
          version: 1,
        }),
      );
    }
    expect(await searchFor({ text: 'heat', first: 1 })).toEqual({
      data: { search: [film('Heat')] },
    });
  });

  test.each([-1, 101])('refuses first: %d as BAD_USER_INPUT on "first"', async (first) => {
    const result = await searchFor({ text: 'russo', first });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  test.each(['', '   ', '!?*'])(
    'refuses the text %j, which holds no letter or digit, as BAD_USER_INPUT on "text"',
    async (text) => {
      const result = await searchFor({ text });
      expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'text' });
    },
  );
});

// SQLite has no index for `LIKE '%…%'` (see SqlDialect.createContainsIndex); PostgreSQL gets trigram ones.
describeOnPostgres('on PostgreSQL, search', () => {
  test.each(['film', 'person', 'franchise', 'character', 'company'])(
    'can read the %s table through its trigram index',
    async (table) => {
      const runner = server.dataSource.createQueryRunner();
      try {
        // The seeded tables are tiny, so the planner would rightly scan them: ask whether it can use the index.
        await runner.query('SET enable_seqscan = off');
        const plan: { 'QUERY PLAN': string }[] = await runner.query(
          `EXPLAIN SELECT "id" FROM "${table}" WHERE "searchText" LIKE $1 ESCAPE '\\'`,
          ['%russo%'],
        );
        expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain(
          `IDX_${table}_search_trgm`,
        );
      } finally {
        await runner.query('RESET enable_seqscan');
        await runner.release();
      }
    },
  );
});
