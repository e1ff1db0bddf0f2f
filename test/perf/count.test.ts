import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { countOf } from '../../src/db/batching';
import { Credit } from '../../src/credit/credit.entity';
import { Film } from '../../src/film/film.entity';
import { createTestServer, type TestServer } from '../support/test-server';

/**
 * A connection's `totalCount` is `countOf(query)` (src/db/batching.ts): `COUNT(*)` where TypeORM's
 * `getCount()` writes `COUNT(1)`. It must count what `getCount()` counts, on either database, and on
 * SQLite a whole table's count must come from the b-tree (the `Count` opcode) rather than a loop over
 * its rows, which is what made a page of films with its total 0.13 ms slower than it had to be.
 */
let server: TestServer;
let captured: string[] = [];
beforeAll(async () => {
  server = await createTestServer();
  const logger = server.dataSource.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (sql, parameters, queryRunner) => {
    captured.push(sql);
    return logQuery(sql, parameters, queryRunner);
  };
});
afterAll(() => server?.close());

const films = () => server.dataSource.getRepository(Film).createQueryBuilder('film');

test('countOf counts what getCount counts: a whole table, a filter, a page’s order and limit, a join', async () => {
  const queries: SelectQueryBuilder<ObjectLiteral>[] = [
    films(),
    films().where('film.releaseDate >= :from', { from: '2010-01-01' }),
    films().where('film.releaseDate IS NULL'),
    films().orderBy('film.releaseDate', 'ASC').addOrderBy('film.id', 'ASC').limit(3),
    server.dataSource
      .getRepository(Credit)
      .createQueryBuilder('credit')
      .innerJoin('credit.film', 'film')
      .where('film.title LIKE :t', { t: '%Extraction%' }),
  ];
  const counts = [];
  for (const qb of queries) {
    const expected = await qb.clone().limit(undefined).getCount();
    const counted = await countOf(qb);
    expect(counted).toBe(expected);
    counts.push(counted);
  }
  // Not a suite of zeros: the seed has films, dated and filtered ones, and credits on Extraction films.
  expect(counts[0]).toBeGreaterThan(counts[1]);
  expect(counts[1]).toBeGreaterThan(0);
  expect(counts[4]).toBeGreaterThan(0);
});

test('films { totalCount } counts every film, and on SQLite without reading them row by row', async () => {
  const expected = await films().getCount();
  captured = [];
  const result = await server.execute<{ films: { totalCount: number } }>(
    `query FilmTotal { films(first: 1, orderBy: RELEASE_DATE) { totalCount } }`,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.films.totalCount).toBe(expected);
  const countSql = captured.filter((sql) => /COUNT\(/i.test(sql));
  expect(countSql).toHaveLength(1);
  if (server.dataSource.options.type !== 'better-sqlite3') return;
  const opcodes = (
    (await server.dataSource.query(`EXPLAIN ${countSql[0]}`)) as { opcode: string }[]
  ).map((row) => row.opcode);
  expect(opcodes).toContain('Count');
  expect(opcodes).not.toContain('AggStep');
});
