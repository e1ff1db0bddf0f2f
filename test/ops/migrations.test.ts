import { creditIdentityKey } from '../../src/credit/credit.entity';
import { CreditRole } from '../../src/credit/credit.enums';
import { MIGRATIONS } from '../../src/db/migrations';
import { sortKeyOf } from '../../src/lib/text';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ seed: false });
});
afterAll(() => server.close());

const entityTables = () =>
  server.dataSource.entityMetadatas.map((metadata) => metadata.tableName).sort();

async function existingTables(): Promise<string[]> {
  const runner = server.dataSource.createQueryRunner();
  try {
    const tables = await runner.getTables(entityTables());
    return tables.map((table) => table.name).sort();
  } finally {
    await runner.release();
  }
}

describe('the migrations', () => {
  test('create every table the entities describe', async () => {
    expect(entityTables()).toHaveLength(20); // issue 12 adds change_log and title_event, 13 merged_record
    expect(await existingTables()).toEqual(entityTables());
  });

  test('create exactly the schema the entities describe: synchronize would change nothing', async () => {
    const pending = await server.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  test('have nothing pending after they ran', async () => {
    expect(await server.dataSource.showMigrations()).toBe(false);
  });

  test('can be undone one by one, removing every table, and run again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) {
      await server.dataSource.undoLastMigration({ transaction: 'each' });
    }
    expect(await existingTables()).toEqual([]);
    expect(await server.dataSource.showMigrations()).toBe(true);

    await server.dataSource.runMigrations({ transaction: 'each' });
    expect(await existingTables()).toEqual(entityTables());
    const pending = await server.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toEqual([]);
  });

  test('give the credits that existed before the identity key one key per film, person, role and character, merging the credits the job split', async () => {
    // Back to before the identity key (the sort keys migration, the corrections one, the story one,
    // then the scale-out one).
    await server.dataSource.undoLastMigration({ transaction: 'each' });
    await server.dataSource.undoLastMigration({ transaction: 'each' });
    await server.dataSource.undoLastMigration({ transaction: 'each' });
    await server.dataSource.undoLastMigration({ transaction: 'each' });
    // Plain SQL: the entities already describe the columns this older schema lacks.
    const insert = async (table: string, values: Record<string, unknown>) => {
      const columns = Object.keys(values);
      const [sql, parameters] = server.dataSource.driver.escapeQueryWithParameters(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
         VALUES (${columns.map((c) => `:${c}`).join(', ')})`,
        values,
      );
      await server.dataSource.query(sql, parameters);
    };
    await insert('film', { id: 1, slug: 'f', title: 'F', searchText: ' f ' });
    await insert('person', { id: 1, slug: 'p', name: 'P', aliases: '', searchText: ' p ' });
    await insert('character', { id: 1, slug: 'c', name: 'C', searchText: ' c ' });
    await insert('source', { id: 1, url: 'https://example.com/a', title: 'A' });
    const credits = [
      { id: 1, filmId: 1, personId: 1, role: CreditRole.DIRECTOR, characterId: null, job: null },
      { id: 2, filmId: 1, personId: 1, role: CreditRole.WRITER, characterId: null, job: '' },
      {
        id: 3,
        filmId: 1,
        personId: 1,
        role: CreditRole.WRITER,
        characterId: null,
        job: 'screenplay: draft 2',
      },
      { id: 4, filmId: 1, personId: 1, role: CreditRole.CAST, characterId: 1, job: null },
    ];
    for (const credit of credits) await insert('credit', credit);
    const event = (id: number, creditId: number, status: string, effectiveDate: string) => ({
      id,
      creditId,
      status,
      effectiveDate,
      confidence: 'TRADE_REPORTED',
      sourceId: 1,
      recordedAt: '2026-01-01T00:00:00.000Z',
      recordedBy: 'seed',
      retracted: server.dataSource.options.type === 'postgres' ? false : 0,
    });
    // Credit 3 repeats credit 2's report (kept, retracted) and adds one of its own (moved).
    await insert('attachment_event', event(1, 2, 'IN_TALKS', '2026-01-01'));
    await insert('attachment_event', event(2, 3, 'IN_TALKS', '2026-01-01'));
    await insert('attachment_event', event(3, 3, 'ATTACHED', '2026-02-01'));

    await server.dataSource.runMigrations({ transaction: 'each' });
    const keys: { id: number; identityKey: string; job: string | null }[] =
      await server.dataSource.query(
        'SELECT "id", "identityKey", "job" FROM "credit" ORDER BY "id"',
      );
    expect(keys).toEqual(
      [credits[0], credits[1], credits[3]].map((credit) => ({
        id: credit.id,
        identityKey: creditIdentityKey(credit),
        job: credit.job,
      })),
    );
    const events: { id: number; creditId: number; retracted: boolean | number }[] =
      await server.dataSource.query(
        'SELECT "id", "creditId", "retracted" FROM "attachment_event" ORDER BY "id"',
      );
    expect(events.map((e) => [e.id, e.creditId, Boolean(e.retracted)])).toEqual([
      [1, 2, false],
      [2, 2, true],
      [3, 2, false],
    ]);

    for (const table of ['attachment_event', 'source', 'credit', 'character', 'person', 'film']) {
      await server.dataSource.query(`DELETE FROM "${table}"`);
    }
  });

  test('turn the releases recorded before into sourced reports, and put earlier writes in the feed', async () => {
    // Back to before the story migration (the sort keys migration, the corrections one, then the
    // story one).
    await server.dataSource.undoLastMigration({ transaction: 'each' });
    await server.dataSource.undoLastMigration({ transaction: 'each' });
    await server.dataSource.undoLastMigration({ transaction: 'each' });
    const insert = async (table: string, values: Record<string, unknown>) => {
      const columns = Object.keys(values);
      const [sql, parameters] = server.dataSource.driver.escapeQueryWithParameters(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
         VALUES (${columns.map((c) => `:${c}`).join(', ')})`,
        values,
      );
      await server.dataSource.query(sql, parameters);
    };
    await insert('film', {
      id: 1,
      slug: 'f',
      title: 'F',
      searchText: ' f ',
      releaseDate: '2020-04-24',
    });
    await insert('release_event', { id: 1, filmId: 1, date: '2020-04-24', kind: 'STREAMING' });

    await server.dataSource.runMigrations({ transaction: 'each' });
    const releases = await server.dataSource.query(
      `SELECT r."effectiveDate", r."precision", r."recordedBy", s."url" FROM "release_event" r
         JOIN "source" s ON s."id" = r."sourceId"`,
    );
    expect(releases).toEqual([
      {
        effectiveDate: '2020-04-24',
        precision: 'DAY',
        recordedBy: 'migration',
        url: 'urn:franchise-graph:release-recorded-without-source',
      },
    ]);
    const feed = await server.dataSource.query(
      'SELECT "seq", "kind", "subjectType", "subjectId" FROM "change_log" ORDER BY "seq", "id"',
    );
    expect(feed.map((row: Record<string, unknown>) => ({ ...row, seq: Number(row.seq) }))).toEqual([
      { seq: 0, kind: 'CREATED', subjectType: 'Film', subjectId: 1 },
      { seq: 0, kind: 'RECORDED', subjectType: 'ReleaseEvent', subjectId: 1 },
    ]);
    for (const table of ['change_log', 'release_event', 'source', 'film']) {
      await server.dataSource.query(`DELETE FROM "${table}"`);
    }
  });

  test('give the names and titles that existed before a sort key that ignores case and accents', async () => {
    await server.dataSource.undoLastMigration({ transaction: 'each' });
    await server.dataSource.query(
      `INSERT INTO "person" ("id", "slug", "name", "aliases", "searchText")
       VALUES (1, 'a', 'Émile Zola', '[]', ' emile zola '), (2, 'b', 'adam', '[]', ' adam ')`,
    );
    await server.dataSource.query(
      `INSERT INTO "film" ("id", "slug", "title", "searchText") VALUES (1, 'f', 'the Film', ' the film ')`,
    );
    await server.dataSource.runMigrations({ transaction: 'each' });
    expect(
      await server.dataSource.query('SELECT "name", "sortKey" FROM "person" ORDER BY "sortKey"'),
    ).toEqual([
      { name: 'adam', sortKey: sortKeyOf('Adam') },
      { name: 'Émile Zola', sortKey: sortKeyOf('emile zola') },
    ]);
    expect(await server.dataSource.query('SELECT "sortKey" FROM "film"')).toEqual([
      { sortKey: sortKeyOf('The Film') },
    ]);
    for (const table of ['person', 'film']) {
      await server.dataSource.query(`DELETE FROM "${table}"`);
    }
  });
});
