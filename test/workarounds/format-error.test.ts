import { VALUE_ERROR } from '../../src/graphql/format-error';
import { createTestServer, type TestServer } from '../support/test-server';

/**
 * `formatError` (src/graphql/format-error.ts) tells a value error from a query-shape error, and finds the
 * argument it is about, by parsing the messages of graphql-js (and of this API's Date scalars). Each case
 * below produces one wording it parses, for real, and checks both that graphql-js still words it so and
 * what formatError makes of it: BAD_USER_INPUT and the `field`.
 */
let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ seed: false });
});
afterAll(() => server.close());

interface Case {
  /** The message the error must have (graphql-js's wording). */
  readonly message: RegExp;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** The `field` formatError extracts. */
  readonly field: string;
}

const FILMS = 'query Films($order: FilmOrder, $filter: FilmFilter, $first: Int)';
const CREATE_FILM = 'mutation CreateFilm($input: CreateFilmInput!)';

/** Validation errors about a value written in the document (graphql-js's ValuesOfCorrectTypeRule). */
const LITERALS: Record<string, Case> = {
  'an unknown enum value': {
    message: /^Value "SIDEWAYS" does not exist in "FilmOrder" enum\./,
    query: 'query FilmsSideways { films(orderBy: SIDEWAYS) { totalCount } }',
    field: 'orderBy',
  },
  'a string for an enum': {
    message: /^Enum "FilmOrder" cannot represent non-enum value: "TITLE"\./,
    query: 'query FilmsByString { films(orderBy: "TITLE") { totalCount } }',
    field: 'orderBy',
  },
  'null for a non-null input field': {
    message: /^Expected value of type "String!", found null\.$/,
    query: 'mutation NullTitle { createFilm(input: { title: null }) { film { id } } }',
    field: 'input.title',
  },
  'an object missing a required field': {
    message: /^Field "CreateFilmInput\.title" of required type "String!" was not provided\.$/,
    query: 'mutation NoTitle { createFilm(input: { workingTitle: "Untitled" }) { film { id } } }',
    field: 'input',
  },
  'an input field the type does not have': {
    message: /^Field "nope" is not defined by type "FilmFilter"\./,
    query: 'query FilmsNope { films(filter: { nope: 1 }) { totalCount } }',
    field: 'filter.nope',
  },
  'a string for an Int': {
    message: /^Int cannot represent non-integer value: "x"$/,
    query: 'query FirstX { films(first: "x") { totalCount } }',
    field: 'first',
  },
  'an Int beyond 32 bits': {
    message: /^Int cannot represent non 32-bit signed integer value: 99999999999$/,
    query:
      'mutation LongFilm { createFilm(input: { title: "Long", runtimeMinutes: 99999999999 }) { film { id } } }',
    field: 'input.runtimeMinutes',
  },
  'a string for a Float': {
    message: /^Float cannot represent non numeric value: "much"$/,
    query: `mutation MetricOfWords { recordMetric(input: { film: "x", kind: BUDGET, value: "much", unit: USD, methodology: "m", asOf: "2026-01-01" }) { metric { id } } }`,
    field: 'input.value',
  },
  'a number for a String': {
    message: /^String cannot represent a non string value: 3$/,
    query: 'query FilmByNumber { film(slug: 3) { title } }',
    field: 'slug',
  },
  'a string for a Boolean': {
    message: /^Boolean cannot represent a non boolean value: "yes"$/,
    query: 'query ConfirmedYes { attachments(filter: { confirmed: "yes" }) { totalCount } }',
    field: 'filter.confirmed',
  },
  'a float for an ID': {
    message: /^ID cannot represent a non-string and non-integer value: 1\.5$/,
    query: 'query FilmByFloat { film(id: 1.5) { title } }',
    field: 'id',
  },
  'a day that does not exist for a Date': {
    message: /^Date must be a calendar day written YYYY-MM-DD, got "2021-02-29"\.$/,
    query:
      'query FilmsAfterNoDay { films(filter: { releasedAfter: "2021-02-29" }) { totalCount } }',
    field: 'filter.releasedAfter',
  },
  'a number for a Date': {
    message: /^Date must be a string written YYYY-MM-DD\.$/,
    query: 'query FilmsAfterNumber { films(filter: { releasedAfter: 20210228 }) { totalCount } }',
    field: 'filter.releasedAfter',
  },
  'a bad DateTime': {
    message: /^DateTime must be an ISO 8601 instant with a time zone/,
    query: 'query ChangesSinceYesterday { changes(since: "yesterday") { totalCount } }',
    field: 'since',
  },
  'a number for a DateTime': {
    message: /^DateTime must be a string\.$/,
    query: 'query ChangesSinceNumber { changes(since: 2020) { totalCount } }',
    field: 'since',
  },
};

/** Errors about a variable's value (graphql-js's coerceVariableValues). */
const VARIABLES: Record<string, Case> = {
  'an unknown enum value': {
    message:
      /^Variable "\$order" got invalid value "SIDEWAYS"; Value "SIDEWAYS" does not exist in "FilmOrder" enum\./,
    query: `${FILMS} { films(orderBy: $order, filter: $filter, first: $first) { totalCount } }`,
    variables: { order: 'SIDEWAYS' },
    field: 'orderBy',
  },
  'an unknown enum value inside a list inside an input': {
    message:
      /^Variable "\$filter" got invalid value "NOPE" at "filter\.statuses\[1\]"; Value "NOPE" does not exist in "ProductionStatus" enum\./,
    query: `${FILMS} { films(orderBy: $order, filter: $filter, first: $first) { totalCount } }`,
    variables: { filter: { statuses: ['RELEASED', 'NOPE'] } },
    field: 'filter.statuses',
  },
  'a string for an Int': {
    message:
      /^Variable "\$first" got invalid value "x"; Int cannot represent non-integer value: "x"$/,
    query: `${FILMS} { films(orderBy: $order, filter: $filter, first: $first) { totalCount } }`,
    variables: { first: 'x' },
    field: 'first',
  },
  'a number for an input object': {
    message:
      /^Variable "\$filter" got invalid value 3; Expected type "FilmFilter" to be an object\.$/,
    query: `${FILMS} { films(orderBy: $order, filter: $filter, first: $first) { totalCount } }`,
    variables: { filter: 3 },
    field: 'filter',
  },
  'an input object missing a required field': {
    message:
      /^Variable "\$input" got invalid value \{\}; Field "title" of required type "String!" was not provided\.$/,
    query: `${CREATE_FILM} { createFilm(input: $input) { film { id } } }`,
    variables: { input: {} },
    field: 'input',
  },
  'a bad Date inside an input': {
    message:
      /^Variable "\$filter" got invalid value "2021-02-29" at "filter\.releasedAfter"; Date must be a calendar day written YYYY-MM-DD, got "2021-02-29"\.$/,
    query: `${FILMS} { films(orderBy: $order, filter: $filter, first: $first) { totalCount } }`,
    variables: { filter: { releasedAfter: '2021-02-29' } },
    field: 'filter.releasedAfter',
  },
  'a required variable that was not provided': {
    message: /^Variable "\$input" of required type "CreateFilmInput!" was not provided\.$/,
    query: `${CREATE_FILM} { createFilm(input: $input) { film { id } } }`,
    field: 'input',
  },
  'null for a non-null variable': {
    message: /^Variable "\$input" of non-null type "CreateFilmInput!" must not be null\.$/,
    query: `${CREATE_FILM} { createFilm(input: $input) { film { id } } }`,
    variables: { input: null },
    field: 'input',
  },
};

describe.each([
  ['written in the document', LITERALS],
  ['passed in a variable', VARIABLES],
])('a value %s', (_where, cases) => {
  test.each(Object.entries(cases))(
    'that is %s keeps graphql-js’s wording and is BAD_USER_INPUT naming the argument',
    async (_case, { message, query, variables, field }) => {
      const result = await server.execute(query, variables);
      expect(result.data).toBeUndefined();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].message).toMatch(message);
      expect(result.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    },
  );
});

test('every wording formatError takes for a value error is produced by a case above', async () => {
  const messages: string[] = [];
  for (const { query, variables } of Object.values(LITERALS)) {
    const result = await server.execute(query, variables);
    messages.push(result.errors![0].message);
  }
  const wordings = /^\^\((.*)\)$/.exec(VALUE_ERROR.source)![1].split('|');
  const unproduced = wordings.filter(
    (wording) => !messages.some((message) => new RegExp(`^${wording}`).test(message)),
  );
  expect(unproduced).toEqual([]);
});

test('an error about the shape of the query is not mistaken for a value error', async () => {
  const result = await server.execute(
    'query NoSuchArgument { films(sideways: true) { totalCount } }',
  );
  expect(result.errors).toEqual([
    {
      message: 'Unknown argument "sideways" on field "Query.films".',
      locations: [{ line: 1, column: 30 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    },
  ]);
});
