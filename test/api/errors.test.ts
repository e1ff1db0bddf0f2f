import { SEED } from '../../seeds/seed';
import { captureLogs } from '../support/log-capture';
import { createTestServer, type TestServer } from '../support/test-server';

/** Every line the server logs, parsed. */
const { logger, lines: logLines } = captureLogs('warn');

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ logger });
});
afterAll(() => server.close());

const FILM_STATUS = `query Extraction2StatusOn($slug: String!, $asOf: Date) { film(slug: $slug) { status(asOf: $asOf) } }`;

describe('an unknown enum value', () => {
  test('written in the query is BAD_USER_INPUT naming the argument', async () => {
    const result = await server.execute(
      `query FilmsSideways { films(orderBy: SIDEWAYS) { totalCount } }`,
    );
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'orderBy' });
  });

  test('written in a list inside an input is BAD_USER_INPUT naming the input field', async () => {
    const result = await server.execute(
      `query FilmsNope { films(filter: { statuses: [NOPE] }) { totalCount } }`,
    );
    expect(result.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.statuses',
    });
  });

  test('passed as a variable is BAD_USER_INPUT naming the argument the variable feeds', async () => {
    const result = await server.execute(
      `query FilmsOrdered($order: FilmOrder) { films(orderBy: $order) { totalCount } }`,
      {
        order: 'SIDEWAYS',
      },
    );
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'orderBy' });
  });

  test('passed inside an input variable is BAD_USER_INPUT naming the input field', async () => {
    const result = await server.execute(
      `query FilmsFiltered($filter: FilmFilter) { films(filter: $filter) { totalCount } }`,
      {
        filter: { statuses: ['RELEASED', 'NOPE'] },
      },
    );
    expect(result.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.statuses',
    });
  });
});

describe('a bad Date', () => {
  test.each(['2020-13-45', '2021-02-29', 'yesterday', '2020-5-4'])(
    '%j written in the query is BAD_USER_INPUT naming the argument',
    async (date) => {
      const result = await server.execute(
        `query StatusOnABadDay($slug: String!) { film(slug: $slug) { status(asOf: ${JSON.stringify(date)}) } }`,
        { slug: SEED.films.extraction2 },
      );
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'asOf' });
    },
  );

  test.each(['2020-13-45', '2021-02-29', 'yesterday'])(
    '%j passed as a variable is BAD_USER_INPUT naming the argument',
    async (asOf) => {
      const result = await server.execute(FILM_STATUS, { slug: SEED.films.extraction2, asOf });
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'asOf' });
    },
  );

  test('that is not a string is BAD_USER_INPUT naming the argument', async () => {
    const result = await server.execute(
      `query StatusOnANumber($slug: String!) { film(slug: $slug) { credits(asOf: 20200505) { id } } }`,
      { slug: SEED.films.extraction2 },
    );
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'asOf' });
  });

  test('inside a filter is BAD_USER_INPUT naming the input field', async () => {
    const literal = await server.execute(
      `query ChangedYesterday { attachments(filter: { changedSince: "yesterday" }) { totalCount } }`,
    );
    expect(literal.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.changedSince',
    });
    const variable = await server.execute(
      `query ReleasedAfter($filter: FilmFilter) { films(filter: $filter) { totalCount } }`,
      {
        filter: { releasedAfter: '2021-02-29' },
      },
    );
    expect(variable.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.releasedAfter',
    });
  });

  test('a real leap day is a good Date', async () => {
    const result = await server.execute(FILM_STATUS, {
      slug: SEED.films.extraction2,
      asOf: '2020-02-29',
    });
    expect(result).toEqual({ data: { film: { status: null } } });
  });
});

describe('id or slug', () => {
  test('film with both an id and a slug is BAD_USER_INPUT', async () => {
    const result = await server.execute(
      `query FilmByBoth($id: ID!, $slug: String!) { film(id: $id, slug: $slug) { title } }`,
      {
        id: 'RmlsbTox',
        slug: SEED.films.extraction,
      },
    );
    expect(result.data).toEqual({ film: null });
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'slug' });
  });

  test('film with neither an id nor a slug is BAD_USER_INPUT on "id"', async () => {
    const result = await server.execute(`query FilmByNothing { film { title } }`);
    expect(result.data).toEqual({ film: null });
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('query shape errors', () => {
  test('a field the schema does not have is GRAPHQL_VALIDATION_FAILED, not a user-input error', async () => {
    const result = await server.execute(
      `query NoSuchField { film(slug: "extraction") { boxOfficeRank } }`,
    );
    expect(result.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});

// Runs last: it breaks this server's database on purpose.
describe('an unexpected internal error', () => {
  test('is masked as INTERNAL_SERVER_ERROR with a request id, no stack and no SQL, and logged with that id', async () => {
    await server.dataSource.query('DROP TABLE "metric"');
    const result = await server.execute(
      `query BrokenMetrics($slug: String!) { film(slug: $slug) { title metrics { value } } }`,
      { slug: SEED.films.extraction },
    );
    expect(result.data).toEqual({ film: null });
    expect(result.errors).toEqual([
      {
        message: 'Internal server error',
        extensions: {
          code: 'INTERNAL_SERVER_ERROR',
          requestId: expect.stringMatching(/^test-\d+$/),
        },
      },
    ]);
    const text = JSON.stringify(result);
    expect(text).not.toMatch(
      /SELECT|metric"|no such table|does not exist|SQLITE|\bat .*\.(ts|js):\d+/i,
    );

    const requestId = (result.errors![0].extensions as { requestId: string }).requestId;
    const logged = logLines.find((line) => line.requestId === requestId);
    expect(logged).toMatchObject({ msg: 'unexpected error', requestId });
    // SQLite: "no such table: metric"; PostgreSQL: "relation \"metric\" does not exist".
    expect(JSON.stringify(logged)).toMatch(/no such table|does not exist/);
  });
});
