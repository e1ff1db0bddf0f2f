import { DataSource } from 'typeorm';

import { Film } from '../../src/film/film.entity';
import { openSqliteTestDataSource, type TestDatabase } from '../support/test-database';

/**
 * TypeORM's SQLite driver writes number parameters into the SQL text; src/db/sqlite-bound-numbers.ts
 * makes it bind them. These tests fail when TypeORM stops inlining (the workaround can go) or when
 * the bound values stop meaning what the literals meant.
 */
let database: TestDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  ({ database, dataSource } = await openSqliteTestDataSource());
  await dataSource.runMigrations();
});
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

const filmsAfter = (source: DataSource, id: number, release: string) =>
  source
    .getRepository(Film)
    .createQueryBuilder('film')
    .where('(film.releaseDate, film.id) > (:release, :id)', { release, id })
    .andWhere('film.id <> :half', { half: 2.5 })
    .getQueryAndParameters();

test('TypeORM alone writes numbers into the text (why the workaround exists)', () => {
  const plain = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
  const [sql, parameters] = plain.driver.escapeQueryWithParameters(
    'SELECT * FROM film WHERE (releaseDate, id) > (:release, :id)',
    { release: '2020-01-01', id: 42 },
  );
  expect(sql).toContain('42');
  expect(parameters).toEqual(['2020-01-01']);
});

test('with it, the text is the same for every number; whole numbers are bound as integers', () => {
  const [first, firstValues] = filmsAfter(dataSource, 42, '2020-01-01');
  const [second, secondValues] = filmsAfter(dataSource, 7, '2021-01-01');
  expect(second).toBe(first);
  expect(first).not.toContain('42');
  expect(firstValues).toEqual(['2020-01-01', 42n, 2.5]);
  expect(secondValues).toEqual(['2021-01-01', 7n, 2.5]);
  // A wrapped driver stays idempotent for parameters without numbers.
  const [, none] = dataSource
    .getRepository(Film)
    .createQueryBuilder('film')
    .where('film.slug = :slug', { slug: 'x' })
    .getQueryAndParameters();
  expect(none).toEqual(['x']);
});

test('bound numbers select, compare and insert what the literals did', async () => {
  const row = await dataSource.query(
    ...dataSource.driver.escapeQueryWithParameters(
      'SELECT typeof(:whole) AS whole, typeof(:real) AS real, :whole + 1 AS next, ' +
        '(SELECT COUNT(*) FROM (SELECT 1 AS one UNION ALL SELECT 2) WHERE one >= :whole) AS matched',
      { whole: 2, real: 2.5 },
    ),
  );
  expect(row).toEqual([{ whole: 'integer', real: 'real', next: 3, matched: 1 }]);
});
