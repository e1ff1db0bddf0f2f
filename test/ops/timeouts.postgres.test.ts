import { Writable } from 'node:stream';
import { createLogger } from '../../src/lib/logger';
import { SEED } from '../../seeds/seed';

import { createTestServer, type TestServer } from '../support/test-server';

// Statement and idle-in-transaction timeouts are PostgreSQL server settings, sent on every connection
// of the pool; SQLite runs in-process and has neither (its only wait, busy_timeout, is covered by the
// concurrency tests).

const logLines: Record<string, unknown>[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
    done();
  },
});

const FILM_METRICS = `query FilmMetrics($slug: String!) { film(slug: $slug) { title metrics { value } } }`;
const FILM_TITLE = `query FilmTitle($slug: String!) { film(slug: $slug) { title } }`;

describe('on PostgreSQL, with a 300 ms statement timeout and a pool of 2', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({
      env: {
        DATABASE_STATEMENT_TIMEOUT_MS: '300',
        DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '300',
        DATABASE_POOL_SIZE: '2',
      },
      logger: createLogger('error', logStream),
    });
  });
  afterAll(() => server.close());

  test('every connection of the pool carries the configured timeouts', async () => {
    const [statement] = await server.dataSource.query('SHOW statement_timeout');
    const [idle] = await server.dataSource.query('SHOW idle_in_transaction_session_timeout');
    expect([statement.statement_timeout, idle.idle_in_transaction_session_timeout]).toEqual([
      '300ms',
      '300ms',
    ]);
  });

  describe('while the metric table is made slow', () => {
    // The test swaps the table for a view that sleeps for 2 s: nothing in the app can make a query slow.
    beforeAll(async () => {
      await server.dataSource.query('ALTER TABLE "metric" RENAME TO "metric_data"');
      await server.dataSource.query(
        `CREATE VIEW "metric" AS SELECT m.* FROM "metric_data" m, (SELECT pg_sleep(2)) AS slow`,
      );
    });
    afterAll(async () => {
      await server.dataSource.query('DROP VIEW "metric"');
      await server.dataSource.query('ALTER TABLE "metric_data" RENAME TO "metric"');
    });

    test('a query past the statement timeout is cut and answered with a masked INTERNAL_SERVER_ERROR', async () => {
      const started = performance.now();
      const result = await server.execute(FILM_METRICS, { slug: SEED.films.extraction });
      const elapsed = performance.now() - started;
      expect(result).toEqual({
        data: { film: null },
        errors: [
          {
            message: 'Internal server error',
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
          },
        ],
      });
      expect(elapsed).toBeLessThan(1500);
      const requestId = (result.errors![0].extensions as { requestId: string }).requestId;
      const logged = logLines.find((line) => line.requestId === requestId);
      expect(JSON.stringify(logged)).toMatch(/canceling statement due to statement timeout/);
    });

    test('the pool recovers: after more timed-out queries than connections, the next request succeeds', async () => {
      const cut = await Promise.all(
        Array.from({ length: 5 }, () =>
          server.execute(FILM_METRICS, { slug: SEED.films.extraction }),
        ),
      );
      expect(cut.map((result) => result.errors?.[0].extensions?.code)).toEqual(
        Array(5).fill('INTERNAL_SERVER_ERROR'),
      );
      expect(await server.execute(FILM_TITLE, { slug: SEED.films.extraction })).toEqual({
        data: { film: { title: 'Extraction' } },
      });
    });
  });

  test('the metrics answer again once the table is back', async () => {
    const result = await server.execute(FILM_METRICS, { slug: SEED.films.extraction });
    expect(result.errors).toBeUndefined();
  });

  test('a transaction left idle past the idle-in-transaction timeout is ended by the server, and the pool recovers', async () => {
    const runner = server.dataSource.createQueryRunner();
    await runner.startTransaction();
    await runner.query('SELECT 1');
    await new Promise((resolve) => setTimeout(resolve, 800));
    await expect(runner.query('SELECT 1')).rejects.toThrow();
    await runner.release().catch(() => undefined);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => server.execute(FILM_TITLE, { slug: SEED.films.extraction })),
    );
    expect(results).toEqual(Array(4).fill({ data: { film: { title: 'Extraction' } } }));
  });
});
