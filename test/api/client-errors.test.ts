import { toGlobalId } from '../../src/graphql/relay/global-id';
import { SEED } from '../../seeds/seed';
import { newApiKey, snapshotDatabase } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

/**
 * Errors the client caused: a value it wrote (BAD_USER_INPUT naming the argument or input field), an id
 * that names nothing (NOT_FOUND), an update based on an old version (VERSION_CONFLICT), a query the
 * schema cannot answer (GRAPHQL_VALIDATION_FAILED). A mutation refused for any of them writes nothing.
 * Unexpected failures are in internal-errors.test.ts.
 */
let server: TestServer;
let key: string;
let extraction3: string;
let hargrave: string;

beforeAll(async () => {
  server = await createTestServer();
  key = await newApiKey(server.dataSource, 'errors');
  const ids = await server.execute<{ film: { id: string }; person: { id: string } }>(
    `query Ids($film: String!, $person: String!) { film(slug: $film) { id } person(slug: $person) { id } }`,
    { film: SEED.films.extraction3, person: SEED.people.samHargrave },
  );
  extraction3 = ids.data!.film.id;
  hargrave = ids.data!.person.id;
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

const RECORD = `mutation Record($input: RecordAttachmentInput!) { recordAttachment(input: $input) { event { id } } }`;

function report(
  overrides: Record<string, unknown> = {},
  sourceOverrides: Record<string, unknown> = {},
) {
  return {
    film: extraction3,
    person: hargrave,
    role: 'DIRECTOR',
    status: 'CONFIRMED',
    confidence: 'OFFICIAL',
    effectiveDate: '2026-08-01',
    source: { url: 'https://example.com/errors', title: 'Errors', ...sourceOverrides },
    ...overrides,
  };
}

/** Runs a mutation that must fail, and shows that it wrote nothing. */
async function expectRejected(query: string, variables: Record<string, unknown>) {
  const before = await snapshotDatabase(server.dataSource);
  const result = await server.execute(query, variables, { apiKey: key });
  expect(result.data ?? null).toBeNull();
  expect(await snapshotDatabase(server.dataSource)).toEqual(before);
  return result.errors![0].extensions;
}

describe('invalid input is BAD_USER_INPUT naming the field, and nothing is written', () => {
  test.each([
    [
      'a source URL that is not http(s)',
      () => report({}, { url: 'not a url' }),
      'input.source.url',
    ],
    ['a javascript: URL', () => report({}, { url: 'javascript:alert(1)' }), 'input.source.url'],
    ['an empty source title', () => report({}, { title: '   ' }), 'input.source.title'],
    [
      'an effective date that is not YYYY-MM-DD',
      () => report({ effectiveDate: '01/08/2026' }),
      'input.effectiveDate',
    ],
    [
      'a day that does not exist',
      () => report({ effectiveDate: '2026-02-30' }),
      'input.effectiveDate',
    ],
    [
      'a published date that is not a date',
      () => report({}, { publishedOn: 'yesterday' }),
      'input.source.publishedOn',
    ],
    ['an unknown status', () => report({ status: 'SIGNED' }), 'input.status'],
    [
      'both source and sourceId',
      () => report({ sourceId: toGlobalId('Source', 1) }),
      'input.source',
    ],
    ['neither source nor sourceId', () => report({ source: null }), 'input.source'],
    ['a film id that is a person id', () => report({ film: hargrave }), 'input.film'],
    ['a malformed id', () => report({ person: '!!!' }), 'input.person'],
  ])('recordAttachment with %s', async (_case, input, field) => {
    expect(await expectRejected(RECORD, { input: input() })).toEqual({
      code: 'BAD_USER_INPUT',
      field,
    });
  });

  test('an invalid date written inline in the document names the field too', async () => {
    const result = await server.execute(
      `mutation CreateUntitledFilm { createFilm(input: { title: "" }) { film { id } } }`,
      undefined,
      { apiKey: key },
    );
    expect(result.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const inline = await server.execute(
      `mutation ReleaseInMonth13 { recordRelease(input: { film: "${extraction3}", date: "2026-13-01", kind: THEATRICAL, confidence: OFFICIAL, sourceId: "${toGlobalId('Source', 1)}" }) { duplicate } }`,
      undefined,
      { apiKey: key },
    );
    expect(inline.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.date' });
  });

  test.each([
    [
      'an empty name',
      `mutation CreateNamelessPerson { createPerson(input: { name: "" }) { person { id } } }`,
      'input.name',
    ],
    [
      'a blank alias',
      `mutation CreateBlankAlias { createPerson(input: { name: "Aliased", aliases: ["ok", " "] }) { person { id } } }`,
      'input.aliases',
    ],
    [
      'a story ordinal below 1',
      `mutation AddFilmAtPlace0 { addFilmToFranchise(input: { film: "${toGlobalId('Film', 1)}", franchise: "${toGlobalId('Franchise', 1)}", storyOrdinal: 0 }) { membership { storyOrdinal } } }`,
      'input.storyOrdinal',
    ],
    [
      'a runtime of 0 minutes',
      `mutation CreateZeroMinuteFilm { createFilm(input: { title: "Short", runtimeMinutes: 0 }) { film { id } } }`,
      'input.runtimeMinutes',
    ],
    [
      'a malformed IMDb id',
      `mutation CreateFilmWithBadImdbId { createFilm(input: { title: "Imdb", imdbId: "12345" }) { film { id } } }`,
      'input.imdbId',
    ],
    [
      'a lower-case country',
      `mutation ReleaseInLowerCaseCountry { recordRelease(input: { film: "${toGlobalId('Film', 1)}", date: "2026-01-01", kind: THEATRICAL, country: "us", confidence: OFFICIAL, sourceId: "${toGlobalId('Source', 1)}" }) { duplicate } }`,
      'input.country',
    ],
    [
      'a negative metric',
      `mutation RecordNegativeMetric { recordMetric(input: { film: "${toGlobalId('Film', 1)}", kind: BUDGET, value: -1, unit: USD, methodology: "m", asOf: "2026-01-01", sourceId: "${toGlobalId('Source', 1)}" }) { metric { id } } }`,
      'input.value',
    ],
    [
      // A taken slug made from the title is disambiguated (issue 13); a chosen one is refused.
      'a film with a chosen slug that is taken (slug clash)',
      `mutation CreateExistingFilm { createFilm(input: { title: "Extraction 2", slug: "Extraction-2" }) { film { id } } }`,
      'input.slug',
    ],
    [
      'a title that has no letter or digit',
      `mutation CreateFilmTitledPunctuation { createFilm(input: { title: "!!!" }) { film { id } } }`,
      'input.title',
    ],
    [
      'a blank retraction reason',
      `mutation RetractWithBlankReason { retractEvent(input: { event: "${toGlobalId('AttachmentEvent', 1)}", reason: " " }) { __typename } }`,
      'input.reason',
    ],
    [
      'a retraction of something that is not an event',
      `mutation RetractFilm { retractEvent(input: { event: "${toGlobalId('Film', 1)}", reason: "x" }) { __typename } }`,
      'input.event',
    ],
    [
      'a film related to itself',
      `mutation RelateFilmToItself { relateFilms(input: { from: "${toGlobalId('Film', 1)}", to: "${toGlobalId('Film', 1)}", kind: SEQUEL, effectiveDate: "2026-01-01", confidence: OFFICIAL, sourceId: "${toGlobalId('Source', 1)}" }) { relation { id } } }`,
      'input.to',
    ],
  ])('%s', async (_case, query, field) => {
    expect(await expectRejected(query, {})).toEqual({ code: 'BAD_USER_INPUT', field });
  });
});

describe('ids of rows that do not exist are NOT_FOUND naming the field, and nothing is written', () => {
  test.each([
    ['film', () => report({ film: toGlobalId('Film', 999999) }), 'input.film'],
    ['person', () => report({ person: toGlobalId('Person', 999999) }), 'input.person'],
    ['character', () => report({ character: toGlobalId('Character', 999999) }), 'input.character'],
    ['speaker', () => report({ speaker: toGlobalId('Person', 999999) }), 'input.speaker'],
    [
      'source',
      () => report({ source: null, sourceId: toGlobalId('Source', 999999) }),
      'input.sourceId',
    ],
    ['outlet', () => report({}, { outlet: toGlobalId('Company', 999999) }), 'input.source.outlet'],
  ])('an unknown %s', async (_case, input, field) => {
    expect(await expectRejected(RECORD, { input: input() })).toEqual({ code: 'NOT_FOUND', field });
  });

  test('updating a film that does not exist', async () => {
    const extensions = await expectRejected(
      `mutation U($id: ID!) { updateFilm(input: { id: $id, expectedVersion: 1, synopsis: "x" }) { film { id } } }`,
      { id: toGlobalId('Film', 999999) },
    );
    expect(extensions).toEqual({ code: 'NOT_FOUND', field: 'input.id' });
  });
});

describe('optimistic concurrency', () => {
  test('an update based on an old version is VERSION_CONFLICT and writes nothing; the current one succeeds', async () => {
    const film = await server.execute<{ film: { id: string; version: number } }>(
      `query V($slug: String!) { film(slug: $slug) { id version } }`,
      { slug: SEED.films.extraction },
    );
    const { id, version } = film.data!.film;
    const ok = await server.execute(
      `mutation U($id: ID!, $v: Int!) { updateFilm(input: { id: $id, expectedVersion: $v, workingTitle: "Dhaka" }) { film { version workingTitle } } }`,
      { id, v: version },
      { apiKey: key },
    );
    expect(ok).toEqual({
      data: { updateFilm: { film: { version: version + 1, workingTitle: 'Dhaka' } } },
    });
    const extensions = await expectRejected(
      `mutation U($id: ID!, $v: Int!) { updateFilm(input: { id: $id, expectedVersion: $v, synopsis: "Lost update" }) { film { version } } }`,
      { id, v: version },
    );
    expect(extensions).toEqual({ code: 'VERSION_CONFLICT', currentVersion: version + 1 });
  });
});
