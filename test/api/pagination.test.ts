import { SEED } from '../../seeds/seed';
import { buildFranchise, type BuiltFranchise } from '../support/build-franchise';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let saga: BuiltFranchise;
beforeAll(async () => {
  server = await createTestServer();
  saga = await buildFranchise(server.dataSource, 'Paging Saga', 10);
});
afterAll(() => server.close());

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Page {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; name: string }[];
}
type PageArgs = { first?: number; after?: string | null; last?: number; before?: string | null };
type Fetch = (args: PageArgs) => Promise<Page>;

const PEOPLE = `
  query PeoplePage($first: Int, $after: String, $last: Int, $before: String) {
    people(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { name } }
    }
  }`;

const fetchPeople: Fetch = async (args) => {
  const result = await server.execute<{
    people: Omit<Page, 'edges'> & { edges: { cursor: string; node: { name: string } }[] };
  }>(PEOPLE, args);
  expect(result.errors).toBeUndefined();
  const { edges, ...rest } = result.data!.people;
  return { ...rest, edges: edges.map((edge) => ({ cursor: edge.cursor, name: edge.node.name })) };
};

const SAGA_FILMS = `
  query SagaFilmsPage($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {
    franchise(slug: $slug) {
      films(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { title } }
      }
    }
  }`;

const fetchSagaFilms: Fetch = async (args) => {
  const result = await server.execute<{
    franchise: {
      films: Omit<Page, 'edges'> & { edges: { cursor: string; node: { title: string } }[] };
    };
  }>(SAGA_FILMS, { slug: saga.slug, ...args });
  expect(result.errors).toBeUndefined();
  const { edges, ...rest } = result.data!.franchise.films;
  return { ...rest, edges: edges.map((edge) => ({ cursor: edge.cursor, name: edge.node.title })) };
};

/** Pages forward from the start with `first: size` and checks each page's pageInfo. */
async function pageForward(fetch: Fetch, size: number, total: number): Promise<string[]> {
  const names: string[] = [];
  let after: string | null = null;
  for (let pageNumber = 0; ; pageNumber++) {
    const page: Page = await fetch({ first: size, after });
    const expectedSize = Math.min(size, total - names.length);
    expect(page.totalCount).toBe(total);
    expect(page.edges).toHaveLength(expectedSize);
    expect(page.pageInfo).toEqual({
      hasNextPage: names.length + expectedSize < total,
      hasPreviousPage: pageNumber > 0,
      startCursor: page.edges[0].cursor,
      endCursor: page.edges[page.edges.length - 1].cursor,
    });
    names.push(...page.edges.map((edge) => edge.name));
    if (!page.pageInfo.hasNextPage) return names;
    after = page.pageInfo.endCursor;
  }
}

/** Pages backward from the end with `last: size` and checks each page's pageInfo. */
async function pageBackward(fetch: Fetch, size: number, total: number): Promise<string[]> {
  const names: string[] = [];
  let before: string | null = null;
  for (let pageNumber = 0; ; pageNumber++) {
    const page: Page = await fetch({ last: size, before });
    const expectedSize = Math.min(size, total - names.length);
    expect(page.totalCount).toBe(total);
    expect(page.edges).toHaveLength(expectedSize);
    expect(page.pageInfo).toEqual({
      hasNextPage: pageNumber > 0,
      hasPreviousPage: names.length + expectedSize < total,
      startCursor: page.edges[0].cursor,
      endCursor: page.edges[page.edges.length - 1].cursor,
    });
    names.unshift(...page.edges.map((edge) => edge.name));
    if (!page.pageInfo.hasPreviousPage) return names;
    before = page.pageInfo.startCursor;
  }
}

describe('a root connection (people)', () => {
  /** Everybody (the seed's people and the saga's), in one page. */
  const everybody = async () => {
    const page = await fetchPeople({ first: 100 });
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.edges).toHaveLength(page.totalCount);
    return { total: page.totalCount, names: page.edges.map((edge) => edge.name) };
  };

  test('pages forward with first/after to the end, and the pages add up to the whole list', async () => {
    const { total, names } = await everybody();
    expect(total).toBeGreaterThan(20);
    expect(await pageForward(fetchPeople, 6, total)).toEqual(names);
  });

  test('pages backward with last/before to the start, and the pages add up to the whole list', async () => {
    const { total, names } = await everybody();
    expect(await pageBackward(fetchPeople, 6, total)).toEqual(names);
  });

  test('a cursor from a forward page can be used to page backward', async () => {
    const whole = (await fetchPeople({ first: 100 })).edges;
    const back = await fetchPeople({ last: 2, before: whole[5].cursor });
    expect(back.edges.map((edge) => edge.name)).toEqual([whole[3].name, whole[4].name]);
    expect(back.pageInfo.hasPreviousPage).toBe(true);
    expect(back.pageInfo.hasNextPage).toBe(true);
  });
});

describe('a franchise’s films connection', () => {
  test('pages forward and backward, and the pages add up to the films in release order', async () => {
    expect(await pageForward(fetchSagaFilms, 3, saga.titles.length)).toEqual(saga.titles);
    expect(await pageBackward(fetchSagaFilms, 3, saga.titles.length)).toEqual(saga.titles);
  });

  test('in story order puts the films whose place in the story is unknown last', async () => {
    const result = await server.execute(
      `query ExtractionStoryOrder($slug: String!) {
        franchise(slug: $slug) { films(orderBy: STORY) { edges { storyOrdinal releaseOrdinal node { slug } } } }
      }`,
      { slug: SEED.franchises.extraction },
    );
    expect(result).toEqual({
      data: {
        franchise: {
          films: {
            edges: [
              { storyOrdinal: 1, releaseOrdinal: 1, node: { slug: SEED.films.extraction } },
              { storyOrdinal: 2, releaseOrdinal: 2, node: { slug: SEED.films.extraction2 } },
              { storyOrdinal: null, releaseOrdinal: 3, node: { slug: SEED.films.extraction3 } },
            ],
          },
        },
      },
    });
  });

  test('in story order, films with no known place fall back to release order', async () => {
    const result = await server.execute(
      `query McuStoryOrder($slug: String!) {
        franchise(slug: $slug) { films(orderBy: STORY, first: 2) { edges { storyOrdinal releaseOrdinal node { slug } } pageInfo { hasNextPage } } }
      }`,
      { slug: SEED.franchises.mcu },
    );
    expect(result).toEqual({
      data: {
        franchise: {
          films: {
            edges: [
              { storyOrdinal: null, releaseOrdinal: 9, node: { slug: SEED.films.winterSoldier } },
              { storyOrdinal: null, releaseOrdinal: 13, node: { slug: SEED.films.civilWar } },
            ],
            pageInfo: { hasNextPage: true },
          },
        },
      },
    });
  });

  test('pages of several franchises in one query each get their own films', async () => {
    const result = await server.execute(
      `query TwoFranchises($a: String!, $b: String!) {
        a: franchise(slug: $a) { films(first: 1) { edges { node { slug } } } }
        b: franchise(slug: $b) { films(first: 1) { edges { node { slug } } } }
      }`,
      { a: SEED.franchises.extraction, b: SEED.franchises.avengers },
    );
    expect(result).toEqual({
      data: {
        a: { films: { edges: [{ node: { slug: SEED.films.extraction } }] } },
        b: { films: { edges: [{ node: { slug: SEED.films.infinityWar } }] } },
      },
    });
  });
});

describe('bad paging arguments', () => {
  const badPaging = async (args: Record<string, unknown>) => {
    const result = await server.execute(PEOPLE, args);
    expect(result.data).toBeNull();
    return result.errors?.[0].extensions;
  };

  test('first: 101 is BAD_USER_INPUT on "first"', async () => {
    expect(await badPaging({ first: 101 })).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  test('a negative first is BAD_USER_INPUT on "first"', async () => {
    expect(await badPaging({ first: -1 })).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  test('last: 101 is BAD_USER_INPUT on "last"', async () => {
    expect(await badPaging({ last: 101 })).toEqual({ code: 'BAD_USER_INPUT', field: 'last' });
  });

  test('a malformed after cursor is BAD_USER_INPUT on "after"', async () => {
    expect(await badPaging({ after: 'not a cursor!' })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect(await badPaging({ after: Buffer.from('{"a":1}').toString('base64url') })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  test('a malformed before cursor is BAD_USER_INPUT on "before"', async () => {
    expect(await badPaging({ last: 2, before: 'x' })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'before',
    });
  });

  test('a cursor of a connection with another sort key is BAD_USER_INPUT on "after"', async () => {
    const attachments = await server.execute<{ attachments: { pageInfo: { endCursor: string } } }>(
      `query AttachmentCursor { attachments(first: 1) { pageInfo { endCursor } } }`,
    );
    expect(await badPaging({ after: attachments.data!.attachments.pageInfo.endCursor })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  test('first and last together are BAD_USER_INPUT', async () => {
    expect(await badPaging({ first: 2, last: 2 })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'last',
    });
  });

  test('first: 101 on a franchise’s films is BAD_USER_INPUT on "first"', async () => {
    const result = await server.execute(
      `query TooManySagaFilms($slug: String!) { franchise(slug: $slug) { films(first: 101) { totalCount } } }`,
      { slug: saga.slug },
    );
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('cursors are bound to their list and order', () => {
  const FILMS = `
    query FilmsAfter($after: String, $before: String, $last: Int, $orderBy: FilmOrder) {
      films(after: $after, before: $before, last: $last, orderBy: $orderBy) { totalCount }
    }`;
  const FRANCHISE_FILMS = `
    query FranchiseFilmsAfter($slug: String!, $after: String) {
      franchise(slug: $slug) { films(first: 1, after: $after) { pageInfo { endCursor } } }
    }`;
  const franchiseFilmCursor = async (slug: string) => {
    const result = await server.execute<{
      franchise: { films: { pageInfo: { endCursor: string } } };
    }>(FRANCHISE_FILMS, { slug });
    return result.data!.franchise.films.pageInfo.endCursor;
  };

  test('a franchise’s films cursor given to the top-level films is BAD_USER_INPUT on "after"', async () => {
    const cursor = await franchiseFilmCursor(SEED.franchises.extraction);
    const result = await server.execute(FILMS, { after: cursor });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(result.errors?.[0].message).toMatch(/^"after" is a cursor of another list or order/);
  });

  test('a cursor of one franchise’s films is refused by another franchise’s films', async () => {
    const cursor = await franchiseFilmCursor(SEED.franchises.extraction);
    const result = await server.execute(FRANCHISE_FILMS, {
      slug: SEED.franchises.avengers,
      after: cursor,
    });
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(result.errors?.[0].path).toEqual(['franchise', 'films']);
  });

  test('a cursor of the films by title is refused by the films by release date, as "before" too', async () => {
    const byTitle = await server.execute<{ films: { pageInfo: { endCursor: string } } }>(
      `query FilmsByTitle { films(first: 1, orderBy: TITLE) { pageInfo { endCursor } } }`,
    );
    const cursor = byTitle.data!.films.pageInfo.endCursor;
    expect(
      (await server.execute(FILMS, { after: cursor, orderBy: 'RELEASE_DATE' })).errors?.[0]
        .extensions,
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(
      (await server.execute(FILMS, { last: 1, before: cursor })).errors?.[0].extensions,
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'before' });
    // In its own order the same cursor pages on.
    expect(
      (await server.execute(FILMS, { after: cursor, orderBy: 'TITLE' })).errors,
    ).toBeUndefined();
  });
});
