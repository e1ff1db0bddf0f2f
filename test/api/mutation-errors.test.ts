import { toGlobalId } from '../../src/graphql/relay/global-id';
import { SEED } from '../../seeds/seed';
import { forceFailure, newApiKey, snapshotDatabase } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

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
      `mutation { createFilm(input: { title: "" }) { id } }`,
      undefined,
      { apiKey: key },
    );
    expect(result.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const inline = await server.execute(
      `mutation { recordRelease(input: { film: "${extraction3}", date: "2026-13-01", kind: THEATRICAL }) { id } }`,
      undefined,
      { apiKey: key },
    );
    expect(inline.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.date' });
  });

  test.each([
    ['an empty name', `mutation { createPerson(input: { name: "" }) { id } }`, 'input.name'],
    [
      'a blank alias',
      `mutation { createPerson(input: { name: "Aliased", aliases: ["ok", " "] }) { id } }`,
      'input.aliases',
    ],
    [
      'a story ordinal below 1',
      `mutation { addFilmToFranchise(input: { film: "${toGlobalId('Film', 1)}", franchise: "${toGlobalId('Franchise', 1)}", storyOrdinal: 0 }) { storyOrdinal } }`,
      'input.storyOrdinal',
    ],
    [
      'a runtime of 0 minutes',
      `mutation { createFilm(input: { title: "Short", runtimeMinutes: 0 }) { id } }`,
      'input.runtimeMinutes',
    ],
    [
      'a malformed IMDb id',
      `mutation { createFilm(input: { title: "Imdb", imdbId: "12345" }) { id } }`,
      'input.imdbId',
    ],
    [
      'a lower-case country',
      `mutation { recordRelease(input: { film: "${toGlobalId('Film', 1)}", date: "2026-01-01", kind: THEATRICAL, country: "us" }) { id } }`,
      'input.country',
    ],
    [
      'a negative metric',
      `mutation { recordMetric(input: { film: "${toGlobalId('Film', 1)}", kind: BUDGET, value: -1, unit: USD, methodology: "m", asOf: "2026-01-01", sourceId: "${toGlobalId('Source', 1)}" }) { id } }`,
      'input.value',
    ],
    [
      'a film that already exists (slug clash)',
      `mutation { createFilm(input: { title: "Extraction 2" }) { id } }`,
      'input.title',
    ],
    [
      'a title that has no letter or digit',
      `mutation { createFilm(input: { title: "!!!" }) { id } }`,
      'input.title',
    ],
    [
      'a blank retraction reason',
      `mutation { retractEvent(id: "${toGlobalId('AttachmentEvent', 1)}", reason: " ") { __typename } }`,
      'reason',
    ],
    [
      'a retraction of something that is not an event',
      `mutation { retractEvent(id: "${toGlobalId('Film', 1)}", reason: "x") { __typename } }`,
      'id',
    ],
    [
      'a film related to itself',
      `mutation { relateFilms(input: { from: "${toGlobalId('Film', 1)}", to: "${toGlobalId('Film', 1)}", kind: SEQUEL, effectiveDate: "2026-01-01", confidence: OFFICIAL, sourceId: "${toGlobalId('Source', 1)}" }) { id } }`,
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
      `mutation U($id: ID!) { updateFilm(input: { id: $id, expectedVersion: 1, synopsis: "x" }) { id } }`,
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
      `mutation U($id: ID!, $v: Int!) { updateFilm(input: { id: $id, expectedVersion: $v, workingTitle: "Dhaka" }) { version workingTitle } }`,
      { id, v: version },
      { apiKey: key },
    );
    expect(ok).toEqual({ data: { updateFilm: { version: version + 1, workingTitle: 'Dhaka' } } });
    const extensions = await expectRejected(
      `mutation U($id: ID!, $v: Int!) { updateFilm(input: { id: $id, expectedVersion: $v, synopsis: "Lost update" }) { version } }`,
      { id, v: version },
    );
    expect(extensions).toEqual({ code: 'VERSION_CONFLICT', currentVersion: version + 1 });
  });

  test('renaming keeps the slug and the search text in step with the name', async () => {
    const created = await server.execute<{ createPerson: { id: string } }>(
      `mutation { createPerson(input: { name: "Old Name" }) { id } }`,
      undefined,
      { apiKey: key },
    );
    const id = created.data!.createPerson.id;
    const renamed = await server.execute(
      `mutation R($id: ID!) { updatePerson(input: { id: $id, expectedVersion: 1, name: "Zoë Névé", aliases: ["ZN"] }) { slug name aliases version } }`,
      { id },
      { apiKey: key },
    );
    expect(renamed).toEqual({
      data: { updatePerson: { slug: 'zoe-neve', name: 'Zoë Névé', aliases: ['ZN'], version: 2 } },
    });
    const found = await server.execute(
      `query { people(filter: { nameContains: "zoe" }) { edges { node { name } } } search(text: "ZN") { ... on Person { name } } }`,
    );
    expect(found).toEqual({
      data: { people: { edges: [{ node: { name: 'Zoë Névé' } }] }, search: [{ name: 'Zoë Névé' }] },
    });
  });
});

describe('transactions', () => {
  test('a failure forced between two writes of one mutation leaves no partial rows', async () => {
    // The database itself refuses the second write (the event), after the credit and the source were written.
    const removeTrigger = await forceFailure(server.dataSource, 'INSERT ON attachment_event');
    try {
      const person = await server.execute<{ createPerson: { id: string } }>(
        `mutation { createPerson(input: { name: "Half Written" }) { id } }`,
        undefined,
        { apiKey: key },
      );
      const before = await snapshotDatabase(server.dataSource);
      const result = await server.execute(
        RECORD,
        {
          input: report(
            { person: person.data!.createPerson.id },
            { url: 'https://example.com/never-stored' },
          ),
        },
        { apiKey: key },
      );
      expect(result.errors![0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(await snapshotDatabase(server.dataSource)).toEqual(before);
    } finally {
      await removeTrigger();
    }
  });

  test('recordRelease keeps Film.releaseDate in step, all or nothing', async () => {
    const film = await server.execute<{ createFilm: { id: string } }>(
      `mutation { createFilm(input: { title: "Release Date Test" }) { id } }`,
      undefined,
      { apiKey: key },
    );
    const id = film.data!.createFilm.id;
    const release = (date: string, kind: string) =>
      server.execute(
        `mutation R($film: ID!, $date: Date!, $kind: ReleaseKind!) { recordRelease(input: { film: $film, date: $date, kind: $kind }) { film { releaseDate } } }`,
        { film: id, date, kind },
        { apiKey: key },
      );
    expect(await release('2026-09-01', 'PREMIERE')).toEqual({
      data: { recordRelease: { film: { releaseDate: null } } },
    });
    expect(await release('2026-10-01', 'STREAMING')).toEqual({
      data: { recordRelease: { film: { releaseDate: '2026-10-01' } } },
    });
    expect(await release('2026-09-15', 'THEATRICAL')).toEqual({
      data: { recordRelease: { film: { releaseDate: '2026-09-15' } } },
    });

    const removeTrigger = await forceFailure(server.dataSource, 'UPDATE OF "releaseDate" ON film');
    try {
      const before = await snapshotDatabase(server.dataSource);
      const failed = await release('2026-08-01', 'THEATRICAL');
      expect(failed.errors![0].extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        requestId: expect.any(String),
      });
      expect(await snapshotDatabase(server.dataSource)).toEqual(before);
    } finally {
      await removeTrigger();
    }
  });
});
