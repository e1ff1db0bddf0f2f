/** The compiled server's start-up line names where a person opens it: GraphiQL and the explorer. */
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let server: ServerProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServerProcess({ DATABASE_URL: database.url });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

test('the start-up line names /graphql and /explore, and both answer a browser there', async () => {
  const line =
    /franchise-graph is serving GraphiQL at (http:\/\/127\.0\.0\.1:(\d+)\/graphql) and the explorer at (http:\/\/127\.0\.0\.1:(\d+)\/explore)\n/.exec(
      server.output(),
    );
  expect(line).not.toBeNull();
  const [, graphiql, graphiqlPort, explorer, explorerPort] = line!;
  expect(explorerPort).toBe(graphiqlPort);
  for (const url of [graphiql, explorer]) {
    const response = await fetch(url.replace('localhost', '127.0.0.1'), {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  }
});
