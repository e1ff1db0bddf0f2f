import { Q1, Q2, Q3, Q4, Q5, q5Input, type ReportedCredit } from '../../bench/queries';
import { encodeCursor } from '../../src/graphql/relay/connection';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { generateSynthetic, sqliteConnectionOf } from '../../seeds/synthetic';

import { createTestServer, type TestServer } from '../support/test-server';
import { newApiKey } from '../support/editor';

// SQLite only: the synthetic generator writes SQLite directly (bulk inserts through better-sqlite3).
// The same queries run on PostgreSQL's seed data in the rest of the suite.

/** The benchmark's own query texts against synthetic data of two sizes: the SQL count is the shape's. */
async function syntheticServer(scale: number): Promise<TestServer> {
  const server = await createTestServer({ seed: false });
  generateSynthetic(server.dataSource, scale);
  return server;
}

function firstValue<T>(server: TestServer, sql: string): T {
  return sqliteConnectionOf(server.dataSource).prepare(sql).pluck().get() as T;
}

let small: TestServer;
let large: TestServer;
beforeAll(async () => {
  small = await syntheticServer(0.01);
  large = await syntheticServer(0.05);
});
afterAll(async () => {
  await small?.close();
  await large?.close();
});

/** A franchise of the synthetic data that has at least `films` films of its own. */
function franchiseSlug(server: TestServer): string {
  return firstValue<string>(
    server,
    `SELECT slug FROM franchise WHERE kind = 'FRANCHISE' ORDER BY id LIMIT 1`,
  );
}

describe('the benchmark queries (SQLite)', () => {
  test('Q1, the depth-4 franchise graph, runs at most depth + 2 statements, the same number at both sizes', async () => {
    const counts: number[] = [];
    for (const server of [small, large]) {
      const { result, statements } = await server.executeCounted<{
        franchise: { films: { edges: { node: { credits: unknown[] } }[] } };
      }>(Q1.query, { slug: franchiseSlug(server) });
      expect(result.errors).toBeUndefined();
      expect(result.data!.franchise.films.edges).toHaveLength(10);
      expect(result.data!.franchise.films.edges.every((edge) => edge.node.credits.length > 0)).toBe(
        true,
      );
      counts.push(statements);
    }
    expect(counts[0]).toBeLessThanOrEqual(Q1.depth + 2);
    expect(counts[1]).toBe(counts[0]);
  });

  test('Q2, a filmography with statuses, runs at most 4 statements', async () => {
    const personId = firstValue<number>(
      large,
      `SELECT "personId" FROM credit GROUP BY "personId" ORDER BY COUNT(*) DESC LIMIT 1`,
    );
    const { result, statements } = await large.executeCounted<{ person: { credits: unknown[] } }>(
      Q2.query,
      {
        id: toGlobalId('Person', personId),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.person.credits.length).toBeGreaterThan(5);
    expect(statements).toBeLessThanOrEqual(4);
  });

  test('Q3, a deep page of attachments by status and role, runs at most 4 statements', async () => {
    const maxId = firstValue<number>(large, 'SELECT MAX(id) FROM credit');
    const { result, statements } = await large.executeCounted<{
      attachments: { edges: unknown[] };
    }>(Q3.query, { after: encodeCursor('attachments:FIRST_RECORDED', [Math.floor(maxId / 2)]) });
    expect(result.errors).toBeUndefined();
    expect(result.data!.attachments.edges).toHaveLength(20);
    expect(statements).toBeLessThanOrEqual(4);
  });

  test('Q4, a deep page of films by release date with the total, runs at most 4 statements, also across the undated films', async () => {
    const lastDated = sqliteConnectionOf(large.dataSource)
      .prepare(
        `SELECT "releaseDate", id FROM film WHERE "releaseDate" IS NOT NULL ORDER BY "releaseDate" DESC, id DESC LIMIT 1 OFFSET 5`,
      )
      .get() as { releaseDate: string; id: number };
    const { result, statements } = await large.executeCounted<{
      films: { totalCount: number; edges: { node: { releaseDate: string | null } }[] };
    }>(Q4.query, {
      after: encodeCursor('films:RELEASE_DATE', [lastDated.releaseDate, lastDated.id]),
    });
    expect(result.errors).toBeUndefined();
    const dates = result.data!.films.edges.map((edge) => edge.node.releaseDate);
    // The page crosses from the last five dated films into the undated ones.
    expect(dates.slice(0, 5).every((date) => date !== null)).toBe(true);
    expect(dates.slice(5).every((date) => date === null)).toBe(true);
    expect(result.data!.films.totalCount).toBe(
      firstValue<number>(large, 'SELECT COUNT(*) FROM film'),
    );
    expect(statements).toBeLessThanOrEqual(4);
  });

  test('Q5, a new report on a known credit, runs at most 8 statements, key lookup, BEGIN and COMMIT included', async () => {
    const key = await newApiKey(large.dataSource, 'bench-q5');
    const credit = sqliteConnectionOf(large.dataSource)
      .prepare('SELECT "filmId", "personId", role FROM credit ORDER BY id LIMIT 1')
      .get() as ReportedCredit;
    const changesBefore = firstValue<number>(large, 'SELECT COUNT(*) FROM change_log');
    const input = q5Input(credit, {
      url: 'https://bench.example/q5-test',
      title: 'Bench report',
    });
    type Payload = {
      recordAttachment: { duplicate: boolean; event: { id: string; status: string } };
    };
    const { result, statements } = await large.executeCounted<Payload>(
      Q5.query,
      { input },
      { apiKey: key },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordAttachment).toMatchObject({
      duplicate: false,
      event: { status: 'IN_TALKS' },
    });
    expect(statements).toBeLessThanOrEqual(8);
    // Every guarantee still holds: the feed entry, the duplicate, the conflict.
    expect(firstValue<number>(large, 'SELECT COUNT(*) FROM change_log')).toBe(changesBefore + 1);
    const again = await large.execute<Payload>(Q5.query, { input }, { apiKey: key });
    expect(again.data!.recordAttachment).toEqual({
      ...result.data!.recordAttachment,
      duplicate: true,
    });
    const conflicting = await large.execute(
      Q5.query,
      { input: { ...input, confidence: 'OFFICIAL' } },
      { apiKey: key },
    );
    expect(conflicting.errors?.[0].extensions?.code).toBe('REPORT_CONFLICT');
    expect(firstValue<number>(large, 'SELECT COUNT(*) FROM change_log')).toBe(changesBefore + 1);
  });
});
