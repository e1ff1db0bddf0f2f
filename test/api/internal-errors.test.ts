import { createApiKey } from '../../src/auth/api-keys';
import { ApiKeyRole } from '../../src/auth/roles';
import { captureLogs } from '../support/log-capture';
import { createTestServer, type TestServer } from '../support/test-server';

const { logger, lines: logLines } = captureLogs();

let server: TestServer;
let baseUrl: string;
let key: string;
beforeAll(async () => {
  server = await createTestServer({ logger });
  baseUrl = await server.listen();
  key = (await createApiKey(server.dataSource.manager, 'internal-errors', ApiKeyRole.EDITOR)).key;
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
