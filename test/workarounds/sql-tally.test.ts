import type { QueryRunner } from 'typeorm';
import { CountingLogger, readerFor, type SqlTally } from '../../src/db/sql-tally';
import { withWriteTransaction } from '../../src/db/transactions';
import { Film } from '../../src/film/film.entity';
import { Person } from '../../src/person/person.entity';
import { SEED } from '../../seeds/seed';
import { newApiKey } from '../support/editor';
import { describeOnSqlite } from '../support/test-database';
import { createTestServer, type TestServer } from '../support/test-server';

/**
 * The SQL tally (src/db/sql-tally.ts) relies on TypeORM passing the query runner that ran a statement to
 * the logger's `logQuery`, and on a runner derived with `Object.create` being that runner, with its own
 * `data`. The first tests pin that on the database the suite runs on (SQLite or PostgreSQL).
 *
 * A request's SQL tally (its log line's `sqlStatements`, the benchmark's statements per request) counts
 * the statements TypeORM ran for that request: its reads, through the request's reader, and its writes,
 * in its transaction. Each operation below takes another way to the database.
 */
let server: TestServer;
let key: string;
let people = 0;

const OPERATIONS: {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  editor?: boolean;
}[] = [
  {
    name: 'a franchise graph (loaders)',
    query: `query FranchiseGraph($slug: String!) { franchise(slug: $slug) { name films(first: 5) { totalCount
      edges { node { title credits { status person { name credits { film { title } } } } } } } } }`,
    variables: () => ({ slug: SEED.franchises.extraction }),
  },
  {
    name: 'a film by slug',
    query: `query FilmBySlug($slug: String!) { film(slug: $slug) { title } }`,
    variables: () => ({ slug: SEED.films.extraction2 }),
  },
  {
    name: 'a list with its total',
    query: `query FirstFilms { films(first: 3) { totalCount edges { node { title } } } }`,
  },
  { name: 'search', query: `query Search { search(text: "hemsworth") { totalCount } }` },
  {
    name: 'the changes feed',
    query: `query Changes { changes(since: "2000-01-01T00:00:00Z", first: 3) { totalCount edges { cursor } } }`,
  },
  {
    name: 'a mutation with an API key',
    query: `mutation CreatePerson($name: String!) { createPerson(input: { name: $name }) { person { id name } } }`,
    variables: () => ({ name: `Tally Person ${++people}` }),
    editor: true,
  },
];

beforeAll(async () => {
  server = await createTestServer();
  key = await newApiKey(server.dataSource, 'tally-desk');
});
afterAll(() => server.close());

async function run(operation: (typeof OPERATIONS)[number]) {
  const { result, statements } = await server.executeCounted(
    operation.query,
    operation.variables?.(),
    operation.editor ? { apiKey: key } : {},
  );
  expect(result.errors).toBeUndefined();
  return statements;
}

test.each(OPERATIONS)('every statement TypeORM runs for $name counts towards it', async (op) => {
  const logged = jest.spyOn(CountingLogger.prototype, 'logQuery');
  try {
    const statements = await run(op);
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBe(logged.mock.calls.length);
  } finally {
    logged.mockRestore();
  }
});

test('concurrent requests each count their own statements only', async () => {
  const alone = [];
  for (const op of OPERATIONS) alone.push(await run(op));
  const together = await Promise.all(
    Array.from({ length: 4 }, () => Promise.all(OPERATIONS.map((op) => run(op)))),
  );
  for (const counts of together) expect(counts).toEqual(alone);
});

interface Logged {
  readonly runner: QueryRunner | undefined;
  /** The runner's `data` when the statement was logged. */
  readonly data: unknown;
}

/** Runs `work` and returns the query runner `logQuery` was given for each statement it ran. */
async function runnersLogged(work: () => Promise<unknown>): Promise<Logged[]> {
  const logQuery = CountingLogger.prototype.logQuery;
  const logged: Logged[] = [];
  const spy = jest.spyOn(CountingLogger.prototype, 'logQuery').mockImplementation(function (
    this: CountingLogger,
    query,
    parameters,
    runner,
  ) {
    logged.push({ runner, data: runner?.data });
    logQuery.call(this, query, parameters, runner);
  });
  try {
    await work();
    return logged;
  } finally {
    spy.mockRestore();
  }
}

const tallyOf = ({ data }: Logged) => (data as { sqlTally?: SqlTally } | undefined)?.sqlTally;

describe("TypeORM's logger", () => {
  test('is given the query runner that ran the statement', async () => {
    const runner = server.dataSource.createQueryRunner();
    try {
      const runners = await runnersLogged(() => runner.query('SELECT 1 AS one'));
      expect(runners).toHaveLength(1);
      expect(runners[0].runner).toBe(runner);
    } finally {
      await runner.release();
    }
  });

  test('is given a runner derived with Object.create, whose own data it sees', async () => {
    const base = server.dataSource.createQueryRunner();
    const baseData = base.data;
    const derived = Object.create(base) as QueryRunner;
    const data = { mark: 'derived' };
    derived.data = data;
    try {
      const runners = await runnersLogged(async () => {
        await derived.query('SELECT 1 AS one');
        await server.dataSource
          .createEntityManager(derived)
          .getRepository(Film)
          .findOneBy({ slug: SEED.films.extraction2 });
      });
      expect(runners).toHaveLength(2);
      for (const logged of runners) {
        expect(logged.runner).toBe(derived);
        expect(logged.data).toBe(data);
      }
      expect(base.data).toBe(baseData);
    } finally {
      await derived.release();
    }
  });
});

describe('the runners the tally derives', () => {
  test("a request's reader runs every statement on a runner that carries the request's tally", async () => {
    const tally: SqlTally = { statements: 0 };
    const reader = readerFor(server.dataSource, tally);
    const runners = await runnersLogged(async () => {
      await reader.query('SELECT 1 AS one');
      await reader.getRepository(Film).findOneBy({ slug: SEED.films.extraction2 });
      await reader
        .getRepository(Person)
        .createQueryBuilder('person')
        .where('person.slug = :slug', { slug: SEED.people.samHargrave })
        .getRawOne();
    });
    expect(runners).toHaveLength(3);
    expect(runners.map(tallyOf)).toEqual([tally, tally, tally]);
    expect(tally).toEqual({ statements: 3 });
  });

  test("two readers' statements count towards their own tallies only", async () => {
    const first: SqlTally = { statements: 0 };
    const second: SqlTally = { statements: 0 };
    await Promise.all([
      readerFor(server.dataSource, first).query('SELECT 1 AS one'),
      readerFor(server.dataSource, second).query('SELECT 1 AS one'),
      readerFor(server.dataSource, second).query('SELECT 2 AS two'),
    ]);
    expect([first, second]).toEqual([{ statements: 1 }, { statements: 2 }]);
  });

  test('a write transaction runs every statement, BEGIN and COMMIT included, on a runner that carries the tally', async () => {
    const tally: SqlTally = { statements: 0 };
    const runners = await runnersLogged(() =>
      withWriteTransaction(server.dataSource, (manager) => manager.query('SELECT 1 AS one'), tally),
    );
    expect(runners.length).toBeGreaterThanOrEqual(3); // BEGIN, the statement, COMMIT
    expect(runners.map(tallyOf)).toEqual(runners.map(() => tally));
    expect(tally).toEqual({ statements: runners.length });
  });
});

describeOnSqlite('better-sqlite3', () => {
  test('hands out one shared query runner, which readers and write transactions build on', () => {
    const runner = server.dataSource.createQueryRunner();
    expect(server.dataSource.createQueryRunner()).toBe(runner);
    expect(server.dataSource.createQueryRunner('slave')).toBe(runner);
  });
});
