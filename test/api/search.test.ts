import { searchTextOf, slugify } from '../../src/lib/text';
import { Film } from '../../src/film/film.entity';
import { createTestServer, type TestServer } from '../support/test-server';
import { describeOnPostgres } from '../support/test-database';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

const SEARCH = `
  query Search($text: String!, $first: Int) {
    search(text: $text, first: $first) {
      __typename
      ... on Film { title }
      ... on Person { name }
      ... on Franchise { name }
      ... on Character { name }
      ... on Company { name }
    }
  }`;

const film = (title: string) => ({ __typename: 'Film', title });
const named = (__typename: string, name: string) => ({ __typename, name });

describe('search', () => {
  test('finds every kind of thing, the whole name first, telling them apart by __typename', async () => {
    expect(await server.execute(SEARCH, { text: 'captain america' })).toEqual({
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
    expect(await server.execute(SEARCH, { text: 'EXTRACTION' })).toEqual({
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
    expect(await server.execute(SEARCH, { text: 'leon gonzalez' })).toEqual(expected);
    expect(await server.execute(SEARCH, { text: 'LÉÓN' })).toEqual(expected);
  });

  test('finds people by alias, films by working title, characters and companies', async () => {
    expect(await server.execute(SEARCH, { text: 'joseph' })).toEqual({
      data: { search: [named('Person', 'Joe Russo')] },
    });
    expect(await server.execute(SEARCH, { text: 'dhaka' })).toEqual({
      data: { search: [film('Extraction')] },
    });
    expect(await server.execute(SEARCH, { text: 'thor' })).toEqual({
      data: { search: [named('Character', 'Thor')] },
    });
    expect(await server.execute(SEARCH, { text: 'netflix' })).toEqual({
      data: { search: [named('Company', 'Netflix')] },
    });
  });

  test('answers an empty list when nothing matches', async () => {
    expect(await server.execute(SEARCH, { text: 'zzzz' })).toEqual({ data: { search: [] } });
  });

  test('returns at most `first` results, the best ones', async () => {
    expect(await server.execute(SEARCH, { text: 'chris', first: 2 })).toEqual({
      data: { search: [named('Person', 'Chris Evans'), named('Person', 'Chris Hemsworth')] },
    });
  });

  test('returns 10 results by default', async () => {
    const result = await server.execute<{ search: unknown[] }>(SEARCH, { text: 'a' });
    expect(result.data!.search).toHaveLength(10);
  });

  test('finds the exact title first even when many earlier films contain it', async () => {
    const repository = server.dataSource.getRepository(Film);
    for (const title of ['Heat 1', 'Heat 2', 'Heat 3', 'Heat 4', 'Heat 5', 'Heat 6', 'Heat']) {
      await repository.save(
        repository.create({
          slug: slugify(title),
          title,
          searchText: searchTextOf(title),
          version: 1,
        }),
      );
    }
    expect(await server.execute(SEARCH, { text: 'heat', first: 1 })).toEqual({
      data: { search: [film('Heat')] },
    });
  });

  test.each([0, 101])('refuses first: %d as BAD_USER_INPUT on "first"', async (first) => {
    const result = await server.execute(SEARCH, { text: 'russo', first });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  test.each(['', '   ', '!?*'])(
    'refuses the text %j, which holds no letter or digit, as BAD_USER_INPUT on "text"',
    async (text) => {
      const result = await server.execute(SEARCH, { text });
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
