import { buildFranchise } from '../support/build-franchise';
import { newsdesk } from '../support/newsdesk';
import { createTestServer, type TestServer } from '../support/test-server';

// The rule: a page holds exactly the rows asked for from its cursor on, and pageInfo says exactly
// whether rows lie beyond it; every cursor, used again, continues from its row. Each connection is
// checked at every page size and every cursor of a small list, so any page that reads one row too
// many or too few, or misjudges whether one more follows, shows up.

let server: TestServer;
let paging: string;
let hundred: string;

beforeAll(async () => {
  server = await createTestServer();
  // "Paging": 5 dated films, 11 people, 15 credits; two undated films join the films list, so a page
  // of films can cross from dated to undated films.
  await buildFranchise(server.dataSource, 'Paging', 5);
  const desk = await newsdesk(server);
  await desk.film('Paging Undated A');
  await desk.film('Paging Undated B');
  // "Hundred": 34 films, 69 people, 102 credits: more than the largest page.
  await buildFranchise(server.dataSource, 'Hundred', 34);
  const ids = await server.execute<{ paging: { id: string }; hundred: { id: string } }>(
    `query FranchiseIds { paging: franchise(slug: "paging") { id } hundred: franchise(slug: "hundred") { id } }`,
  );
  paging = ids.data!.paging.id;
  hundred = ids.data!.hundred.id;
});
afterAll(() => server.close());

interface PageArgs {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

interface Page {
  edges: { cursor: string; node: { key: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
  totalCount: number;
}

const PAGE_FIELDS = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

/** Each connection, narrowed to the fixture's rows, and what identifies a row in it. */
const CONNECTIONS = {
  films: {
    query: `query FilmsPage($first: Int, $after: String, $last: Int, $before: String, $word: String!) {
      page: films(filter: { titleContains: $word }, first: $first, after: $after, last: $last, before: $before) {
        ${PAGE_FIELDS} edges { cursor node { key: title } }
      }
    }`,
    variables: (word: string) => ({ word }),
  },
  people: {
    query: `query PeoplePage($first: Int, $after: String, $last: Int, $before: String, $word: String!) {
      page: people(filter: { nameContains: $word }, first: $first, after: $after, last: $last, before: $before) {
        ${PAGE_FIELDS} edges { cursor node { key: name } }
      }
    }`,
    variables: (word: string) => ({ word }),
  },
  attachments: {
    query: `query AttachmentsPage($first: Int, $after: String, $last: Int, $before: String, $franchise: ID!) {
      page: attachments(filter: { franchise: $franchise }, first: $first, after: $after, last: $last, before: $before) {
        ${PAGE_FIELDS} edges { cursor node { key: id } }
      }
    }`,
    variables: (word: string) => ({ franchise: word === 'Paging' ? paging : hundred }),
  },
};
type ConnectionName = keyof typeof CONNECTIONS;

async function page(name: ConnectionName, word: string, args: PageArgs = {}) {
  const { query, variables } = CONNECTIONS[name];
  return server.execute<{
    page: Page & { pageInfo: { startCursor: string | null; endCursor: string | null } };
  }>(query, { ...variables(word), ...args });
}

/** A page reduced to what the rule is about. */
async function pageOf(name: ConnectionName, args: PageArgs) {
  const result = await page(name, 'Paging', args);
  if (result.errors) return { args, errors: result.errors };
  const { edges, pageInfo } = result.data!.page;
  return {
    args,
    keys: edges.map((edge) => edge.node.key),
    cursors: edges.map((edge) => edge.cursor),
    hasNextPage: pageInfo.hasNextPage,
    hasPreviousPage: pageInfo.hasPreviousPage,
  };
}

/** The whole list in one page, and its cursors. */
async function wholeList(name: ConnectionName) {
  const result = await page(name, 'Paging', { first: 100 });
  expect(result.errors).toBeUndefined();
  const { edges, totalCount, pageInfo } = result.data!.page;
  expect(edges).toHaveLength(totalCount);
  expect(pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  return { keys: edges.map((e) => e.node.key), cursors: edges.map((e) => e.cursor) };
}

describe.each(Object.keys(CONNECTIONS) as ConnectionName[])('the %s connection', (name) => {
  test('lists the fixture in its order', async () => {
    const { keys } = await wholeList(name);
    if (name === 'films') {
      expect(keys).toEqual([
        'Paging 1',
        'Paging 2',
        'Paging 3',
        'Paging 4',
        'Paging 5',
        'Paging Undated A',
        'Paging Undated B',
      ]);
    } else if (name === 'people') {
      expect([...keys].sort()).toEqual(
        [
          'Paging Director',
          ...[1, 2, 3, 4, 5].flatMap((n) => [`Paging ${n} Lead`, `Paging ${n} Villain`]),
        ].sort(),
      );
    } else {
      expect(keys).toHaveLength(15);
    }
  });

  test('first: n after any cursor returns exactly the next n rows, and hasNextPage is true exactly when a row follows them', async () => {
    const all = await wholeList(name);
    const total = all.keys.length;
    const asked: PageArgs[] = [];
    const expected: unknown[] = [];
    for (let from = -1; from < total; from++) {
      for (let n = 0; n <= total; n++) {
        const args = from < 0 ? { first: n } : { first: n, after: all.cursors[from] };
        const start = from + 1;
        asked.push(args);
        expected.push({
          args,
          keys: all.keys.slice(start, start + n),
          cursors: all.cursors.slice(start, start + n),
          hasNextPage: start + n < total,
          hasPreviousPage: from >= 0,
        });
      }
    }
    const answered = [];
    for (const args of asked) answered.push(await pageOf(name, args));
    expect(answered).toEqual(expected);
  });

  test('last: n before any cursor returns exactly the n rows before it, and hasPreviousPage is true exactly when a row precedes them', async () => {
    const all = await wholeList(name);
    const total = all.keys.length;
    const asked: PageArgs[] = [];
    const expected: unknown[] = [];
    for (let before = total; before >= 0; before--) {
      for (let n = 0; n <= total; n++) {
        const args = before === total ? { last: n } : { last: n, before: all.cursors[before] };
        const start = Math.max(0, before - n);
        asked.push(args);
        expected.push({
          args,
          keys: all.keys.slice(start, before),
          cursors: all.cursors.slice(start, before),
          hasNextPage: before < total,
          hasPreviousPage: start > 0,
        });
      }
    }
    const answered = [];
    for (const args of asked) answered.push(await pageOf(name, args));
    expect(answered).toEqual(expected);
  });

  test('paging forward by endCursor and backward by startCursor each visit every row once, in order', async () => {
    const all = await wholeList(name);
    const forward: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { data } = await page(name, 'Paging', { first: 2, after });
      forward.push(...data!.page.edges.map((e) => e.node.key));
      if (!data!.page.pageInfo.hasNextPage) break;
      after = data!.page.pageInfo.endCursor!;
    }
    const backward: string[] = [];
    let before: string | undefined;
    for (;;) {
      const { data } = await page(name, 'Paging', { last: 2, before });
      backward.unshift(...data!.page.edges.map((e) => e.node.key));
      if (!data!.page.pageInfo.hasPreviousPage) break;
      before = data!.page.pageInfo.startCursor!;
    }
    expect({ forward, backward }).toEqual({ forward: all.keys, backward: all.keys });
  });
});

describe('page sizes', () => {
  const SIZES = `
    query PageSizes($franchise: ID!, $word: String!) {
      byDefault: attachments(filter: { franchise: $franchise }) { ...Credits }
      hundred: attachments(filter: { franchise: $franchise }, first: 100) { ...Credits }
      lastHundred: attachments(filter: { franchise: $franchise }, last: 100) { ...Credits }
      films(filter: { titleContains: $word }) { totalCount pageInfo { hasNextPage } edges { cursor } }
      people(filter: { nameContains: $word }) { totalCount pageInfo { hasNextPage } edges { cursor } }
    }
    fragment Credits on CreditConnection {
      totalCount pageInfo { hasNextPage hasPreviousPage } edges { cursor }
    }`;

  test('first defaults to 20 and 100 is accepted, on a list longer than both', async () => {
    const result = await server.execute<Record<string, { edges: unknown[] }>>(SIZES, {
      franchise: hundred,
      word: 'Hundred',
    });
    const counted = Object.fromEntries(
      Object.entries(result.data!).map(([field, { edges, ...rest }]) => [
        field,
        { ...rest, edges: edges.length },
      ]),
    );
    expect({ errors: result.errors, data: counted }).toEqual({
      errors: undefined,
      data: {
        byDefault: {
          totalCount: 102,
          pageInfo: { hasNextPage: true, hasPreviousPage: false },
          edges: 20,
        },
        hundred: {
          totalCount: 102,
          pageInfo: { hasNextPage: true, hasPreviousPage: false },
          edges: 100,
        },
        lastHundred: {
          totalCount: 102,
          pageInfo: { hasNextPage: false, hasPreviousPage: true },
          edges: 100,
        },
        films: { totalCount: 34, pageInfo: { hasNextPage: true }, edges: 20 },
        people: { totalCount: 69, pageInfo: { hasNextPage: true }, edges: 20 },
      },
    });
  });

  test.each([
    ['films', 'first', `films(first: 101) { totalCount }`],
    ['films', 'last', `films(last: 101) { totalCount }`],
    ['people', 'first', `people(first: 101) { totalCount }`],
    ['people', 'last', `people(last: 101) { totalCount }`],
    ['attachments', 'first', `attachments(first: 101) { totalCount }`],
    ['attachments', 'last', `attachments(last: 101) { totalCount }`],
  ])('%s refuses %s: 101 as BAD_USER_INPUT naming the argument', async (_name, argument, field) => {
    const result = await server.execute(`query OverTheLargestPage { ${field} }`);
    expect(result).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: `"${argument}" must be between 0 and 100, got 101.`,
          extensions: { code: 'BAD_USER_INPUT', field: argument },
        }),
      ],
    });
  });
});
