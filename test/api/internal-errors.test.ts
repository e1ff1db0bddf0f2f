import { SEED } from '../../seeds/seed';
import { forceFailure, newApiKey, snapshotDatabase } from '../support/editor';
import { captureLogs } from '../support/log-capture';
import { createTestServer, type TestServer } from '../support/test-server';

/**
 * Unexpected failures (the database refusing a write, a resolver failing): the client sees
 * INTERNAL_SERVER_ERROR with the request id and nothing else, the log line with that id has the cause,
 * and a mutation that failed half-way wrote nothing. Errors the client caused are in
 * client-errors.test.ts.
 */
const { logger, lines: logLines } = captureLogs('warn');

let server: TestServer;
let baseUrl: string;
let key: string;
let extraction3: string;
beforeAll(async () => {
  server = await createTestServer({ logger });
  baseUrl = await server.listen();
  key = await newApiKey(server.dataSource, 'internal-errors');
  const film = await server.execute<{ film: { id: string } }>(
    `query FilmId($slug: String!) { film(slug: $slug) { id } }`,
    { slug: SEED.films.extraction3 },
  );
  extraction3 = film.data!.film.id;
});
afterAll(() => server.close());

async function post(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { requestId: response.headers.get('x-request-id'), text: await response.text() };
}

/** The client sees the code and the request id and nothing else; the log line with that id has the cause. */
function expectMaskedAndLogged(
  answer: { requestId: string | null; text: string },
  cause: RegExp,
): void {
  const body = JSON.parse(answer.text);
  expect(body.errors).toEqual([
    {
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: answer.requestId },
    },
  ]);
  expect(answer.text).not.toMatch(/SQLITE|UNIQUE|constraint|SELECT|INSERT|\n\s+at /i);
  const logged = logLines.filter(
    (line) => line.requestId === answer.requestId && line.msg === 'unexpected error',
  );
  expect(logged).toHaveLength(1);
  expect(JSON.stringify(logged[0].err)).toMatch(cause);
}

test('a database constraint failure is masked for the client and logged in full with the request id', async () => {
  // A constraint the application does not know about: two sources may not share a title.
  await server.dataSource.query('CREATE UNIQUE INDEX "test_source_title" ON "source" ("title")');
  const ids = JSON.parse(
    (
      await post(
        'query Ids { film(slug: "extraction-3") { id } person(slug: "idris-elba") { id } }',
      )
    ).text,
  ).data;
  const report = (url: string) =>
    post(
      `mutation Report($input: RecordAttachmentInput!) { recordAttachment(input: $input) { event { id } } }`,
      {
        input: {
          film: ids.film.id,
          person: ids.person.id,
          role: 'CAST',
          status: 'RUMORED',
          confidence: 'SPECULATIVE',
          effectiveDate: '2026-01-02',
          source: { url, title: 'Same headline twice', publishedOn: '2026-01-02' },
        },
      },
    );
  expect(JSON.parse((await report('https://example.com/one')).text).errors).toBeUndefined();
  const credits = await server.dataSource.query('SELECT COUNT(*) AS n FROM credit');
  expectMaskedAndLogged(
    await report('https://example.com/two'),
    /UNIQUE constraint failed: source\.title|violates unique constraint \\"test_source_title/,
  );
  expect(await server.dataSource.query('SELECT COUNT(*) AS n FROM credit')).toEqual(credits);
  await server.dataSource.query('DROP INDEX "test_source_title"');
});

test('a resolver failure is masked for the client and logged in full with the request id', async () => {
  await server.dataSource.query('ALTER TABLE "metric" RENAME TO "metric_gone"');
  try {
    expectMaskedAndLogged(
      await post('query M { film(slug: "extraction") { metrics { value } } }'),
      /no such table: metric|relation \\"metric\\" does not exist/,
    );
  } finally {
    await server.dataSource.query('ALTER TABLE "metric_gone" RENAME TO "metric"');
  }
});

describe('a mutation that fails half-way', () => {
  test('a failure forced between two writes of one mutation leaves no partial rows', async () => {
    // The database itself refuses the second write (the event), after the credit and the source were written.
    const removeTrigger = await forceFailure(server.dataSource, 'INSERT ON attachment_event');
    try {
      const person = await server.execute<{ createPerson: { person: { id: string } } }>(
        `mutation CreateHalfWrittenPerson { createPerson(input: { name: "Half Written" }) { person { id } } }`,
        undefined,
        { apiKey: key },
      );
      const before = await snapshotDatabase(server.dataSource);
      const result = await server.execute(
        `mutation Record($input: RecordAttachmentInput!) { recordAttachment(input: $input) { event { id } } }`,
        {
          input: {
            film: extraction3,
            person: person.data!.createPerson.person.id,
            role: 'DIRECTOR',
            status: 'CONFIRMED',
            confidence: 'OFFICIAL',
            effectiveDate: '2026-08-01',
            source: { url: 'https://example.com/never-stored', title: 'Errors' },
          },
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
    const film = await server.execute<{ createFilm: { film: { id: string } } }>(
      `mutation CreateReleaseDateTestFilm { createFilm(input: { title: "Release Date Test" }) { film { id } } }`,
      undefined,
      { apiKey: key },
    );
    const id = film.data!.createFilm.film.id;
    const release = (date: string, kind: string) =>
      server.execute(
        `mutation R($film: ID!, $date: Date!, $kind: ReleaseKind!, $source: SourceInput!) {
          recordRelease(input: { film: $film, date: $date, kind: $kind, confidence: OFFICIAL, source: $source }) { film { releaseDate } } }`,
        {
          film: id,
          date,
          kind,
          source: {
            url: `https://example.com/release-date-test/${kind}/${date}`,
            title: 'Release dates set',
            publishedOn: '2026-03-01',
          },
        },
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
