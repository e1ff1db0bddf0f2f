import { SEED } from '../../seeds/seed';
import { SOURCES } from '../../seeds/real-data';
import { newApiKey } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let key: string;
beforeAll(async () => {
  server = await createTestServer();
  key = await newApiKey(server.dataSource, 'lists-editor');
});
afterAll(() => server.close());

/** Runs a mutation that must succeed (its payload is not what these tests look at). */
async function write(mutation: string, input: Record<string, unknown>): Promise<void> {
  const result = await server.execute(
    `mutation Write($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) {
      ${mutation}(input: $input) { __typename }
    }`,
    { input },
    { apiKey: key },
  );
  expect(result.errors).toBeUndefined();
}

type Names = { edges: { cursor: string; node: { name: string } }[] };

const PEOPLE = `
  query PeopleByName($nameContains: String, $first: Int, $after: String) {
    people(filter: { nameContains: $nameContains }, first: $first, after: $after, orderBy: NAME) {
      edges { cursor node { name } }
    }
  }`;

async function peopleNamed(nameContains: string, first = 20, after?: string): Promise<Names> {
  const result = await server.execute<{ people: Names }>(PEOPLE, { nameContains, first, after });
  expect(result.errors).toBeUndefined();
  return result.data!.people;
}

describe('names sort ignoring case and accents', () => {
  beforeAll(async () => {
    for (const name of [
      'Qxa Émile',
      'qxa eve',
      'QXA Édouard',
      'Qxa ellen',
      'qxa Zed',
      'Qxa adam',
    ]) {
      await write('createPerson', { name });
    }
  });

  test('people: lower and upper case, with and without accents, in one alphabet', async () => {
    const names = (await peopleNamed('qxa')).edges.map((edge) => edge.node.name);
    expect(names).toEqual([
      'Qxa adam',
      'QXA Édouard',
      'Qxa ellen',
      'Qxa Émile',
      'qxa eve',
      'qxa Zed',
    ]);
  });

  test('pages of two add up to the whole list, in the same order', async () => {
    const names: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const page = await peopleNamed('qxa', 2, after);
      names.push(...page.edges.map((edge) => edge.node.name));
      after = page.edges.at(-1)!.cursor;
    }
    expect(names).toEqual((await peopleNamed('qxa')).edges.map((edge) => edge.node.name));
    expect((await peopleNamed('qxa', 2, after)).edges).toEqual([]);
  });

  test('a renamed person moves to the place of the new name', async () => {
    const zed = await server.execute<{ person: { id: string; version: number } }>(
      `query Zed { person(slug: "qxa-zed") { id version } }`,
    );
    await write('updatePerson', {
      id: zed.data!.person.id,
      expectedVersion: zed.data!.person.version,
      name: 'qxa Äaron',
    });
    expect((await peopleNamed('qxa', 2)).edges.map((edge) => edge.node.name)).toEqual([
      'qxa Äaron',
      'Qxa adam',
    ]);
  });

  test('films by TITLE: "Qxa Alpha", "qxa Ångström", "QXA beta"', async () => {
    for (const title of ['QXA beta', 'qxa Ångström', 'Qxa Alpha']) {
      await write('createFilm', { title });
    }
    const result = await server.execute(
      `query FilmsByTitle { films(filter: { titleContains: "qxa" }, orderBy: TITLE) { edges { node { title } } } }`,
    );
    expect(result).toEqual({
      data: {
        films: {
          edges: ['Qxa Alpha', 'qxa Ångström', 'QXA beta'].map((title) => ({ node: { title } })),
        },
      },
    });
  });
});

describe('characters', () => {
  test('lists characters by name, filtered by part of a name', async () => {
    const result = await server.execute(
      `query Khans { characters(filter: { nameContains: "KHAN" }, orderBy: NAME) { totalCount edges { node { slug } } } }`,
    );
    expect(result).toEqual({
      data: {
        characters: {
          totalCount: 2,
          edges: [
            { node: { slug: SEED.characters.nikKhan } },
            { node: { slug: SEED.characters.yazKhan } },
          ],
        },
      },
    });
  });

  test('pages through every character', async () => {
    const result = await server.execute<{
      characters: { totalCount: number; pageInfo: { hasNextPage: boolean } };
    }>(`query FirstCharacters { characters(first: 3) { totalCount pageInfo { hasNextPage } } }`);
    expect(result.data!.characters).toEqual({
      totalCount: Object.keys(SEED.characters).length,
      pageInfo: { hasNextPage: true },
    });
  });
});

describe('companies', () => {
  test('lists companies by name, filtered by kind and part of the name', async () => {
    const result = await server.execute(
      `query Outlets { companies(filter: { kinds: [NEWS_OUTLET], nameContains: "e" }) { edges { node { name } } } }`,
    );
    expect(result).toEqual({
      data: {
        companies: {
          edges: [
            'Collider',
            'Deadline',
            'Entertainment Tonight',
            'Gamereactor',
            'The Movie Database',
          ].map((name) => ({ node: { name } })),
        },
      },
    });
  });
});

describe('sources', () => {
  test('lists the sources an outlet published, in the order they were recorded', async () => {
    const netflix = await server.execute<{ company: { id: string } }>(
      `query Netflix { company(slug: "netflix") { id } }`,
    );
    const result = await server.execute<{ sources: { edges: { node: { title: string } }[] } }>(
      `query NetflixSources($outlet: ID!) { sources(filter: { outlet: $outlet }, first: 100) { edges { node { title } } } }`,
      { outlet: netflix.data!.company.id },
    );
    const titles = result.data!.sources.edges.map((edge) => edge.node.title);
    expect(titles).toEqual(
      Object.values(SOURCES)
        .filter((source) => source.outlet === 'netflix')
        .map((source) => source.title),
    );
  });

  test('filters by part of the title in any case, and by kind', async () => {
    const result = await server.execute(
      `query Earnings { sources(filter: { titleContains: "EARNINGS", kinds: [OTHER] }) { edges { node { title kind } } } }`,
    );
    expect(result).toEqual({
      data: {
        sources: {
          edges: [{ node: { title: 'Netflix Q2 2020 earnings report', kind: 'OTHER' } }],
        },
      },
    });
  });

  test('a kind filter leaves out the other kinds', async () => {
    const result = await server.execute(
      `query EarningsArticles { sources(filter: { titleContains: "earnings", kinds: [ARTICLE] }) { totalCount } }`,
    );
    expect(result).toEqual({ data: { sources: { totalCount: 0 } } });
  });

  test('an outlet that is not a company id is BAD_USER_INPUT on filter.outlet', async () => {
    const result = await server.execute(
      `query BadOutlet { sources(filter: { outlet: "garbage" }) { totalCount } }`,
    );
    expect(result.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.outlet',
    });
  });
});
