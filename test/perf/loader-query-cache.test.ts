import { Film } from '../../src/film/film.entity';
import { runLoaderQuery, selectServed } from '../../src/db/batching';
import { dialectOf } from '../../src/db/sql-dialect';
import { createTestServer, type TestServer } from '../support/test-server';

/**
 * `runLoaderQuery`: a loader's SQL text is built by the query builder once per shape and reused with
 * new parameters; the rows are those the builder's own `getRawMany()` gives.
 */

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

test('the text is built once per shape, and each run gives what getRawMany gives', async () => {
  const reader = server.dataSource.manager;
  const dialect = dialectOf(server.dataSource);
  const ids: number[] = (await reader.getRepository(Film).find({ order: { id: 'ASC' } })).map(
    (film) => film.id,
  );
  expect(ids.length).toBeGreaterThan(3);
  const shape = {};
  let builds = 0;
  const builder = (keys: readonly number[]) => {
    const [condition, params] = dialect.inList('film.id', 'ids', keys);
    const build = () => {
      builds += 1;
      return selectServed(reader.getRepository(Film).createQueryBuilder('film'), Film, 'film')
        .where(condition, params)
        .orderBy('film.id', 'ASC');
    };
    return { params, build };
  };
  for (const keys of [ids.slice(0, 2), ids.slice(1, 4), [ids[0]], []]) {
    const { params, build } = builder(keys);
    const rows = await runLoaderQuery(reader, shape, 'films', params, build);
    const before = builds;
    const expected = await build().getRawMany();
    builds = before;
    expect(rows).toEqual(expected);
    expect(rows.map((row) => row.film_id)).toEqual(keys);
  }
  expect(builds).toBe(1);
});

test('a parameter the builder holds besides those named is refused, not frozen into the cache', async () => {
  const reader = server.dataSource.manager;
  const [condition, params] = dialectOf(server.dataSource).inList('film.id', 'ids', [1]);
  await expect(
    runLoaderQuery(reader, {}, 'films', params, () =>
      reader
        .getRepository(Film)
        .createQueryBuilder('film')
        .where(condition, params)
        .andWhere('film.title <> :title', { title: 'x' }),
    ),
  ).rejects.toThrow(/a parameter not in "params"/);
});
