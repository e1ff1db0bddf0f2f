import type { EntityTarget, ObjectLiteral } from 'typeorm';
import {
  columnsReaderOf,
  hydratorOf,
  selectServed,
  servedColumnsOf,
  type RawRow,
} from '../../src/db/batching';
import { AttachmentEvent, STATUS_EVENT_COLUMNS } from '../../src/credit/attachment-event.entity';
import { ENTITIES } from '../../src/entities';
import { SEED } from '../../seeds/seed';
import { ApiKeyRole } from '../../src/auth/roles';
import { newApiKey } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

/**
 * The loaders build entities from raw rows with `hydratorOf` (src/db/batching.ts) instead of TypeORM's
 * transformer, calling the driver's `prepareHydratedValue` column by column. These tests fail when what
 * it builds differs from what TypeORM's own `find` returns for the same row: property names, value
 * types (dates, booleans, JSON, numbers), nulls, on the database the suite runs on.
 */
let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
  const key = await newApiKey(server.dataSource, 'hydrator'); // the seed has no API key
  // Nor a retitled film: one made-up title report, so that TitleEvent rows are compared too.
  const film = await server.execute<{ film: { id: string } }>(
    `query Film($slug: String!) { film(slug: $slug) { id } }`,
    { slug: SEED.films.extraction3 },
  );
  const retitled = await server.execute(
    `mutation Retitle($input: RecordTitleInput!) { recordTitle(input: $input) { duplicate } }`,
    {
      input: {
        film: film.data!.film.id,
        title: 'Extraction III',
        effectiveDate: '2024-05-01',
        confidence: 'SPECULATIVE',
        source: { url: 'https://example.com/hydrator-retitle', title: 'A made-up retitle' },
      },
    },
    { apiKey: key },
  );
  expect(retitled.errors).toBeUndefined();
  // A merge, for a merged_record row (the seed has none).
  const admin = await newApiKey(server.dataSource, 'hydrator-admin', ApiKeyRole.ADMIN);
  const person = async (name: string) =>
    (
      await server.execute<{ createPerson: { person: { id: string } } }>(
        `mutation Person($name: String!) { createPerson(input: { name: $name }) { person { id } } }`,
        { name },
        { apiKey: admin },
      )
    ).data!.createPerson.person.id;
  const input = { keep: await person('Hydrated'), duplicate: await person('Hydrated') };
  const merged = await server.execute(
    `mutation Merge($input: MergeInput!) { mergePeople(input: $input) { person { id } } }`,
    { input },
    { apiKey: admin },
  );
  expect(merged.errors).toBeUndefined();
});
afterAll(() => server.close());

const nameOf = (entity: EntityTarget<ObjectLiteral>) => (entity as { name: string }).name;

/** Every row of `entity` as the loaders read it: served columns selected, hydrated by `hydratorOf`. */
async function hydratedRows(entity: EntityTarget<ObjectLiteral>): Promise<ObjectLiteral[]> {
  const qb = server.dataSource.getRepository(entity).createQueryBuilder('row');
  const raw: RawRow[] = await selectServed(qb, entity, 'row').orderBy('row.id', 'ASC').getRawMany();
  const hydrate = hydratorOf(server.dataSource, entity);
  return raw.map((row) => hydrate(row, 'row'));
}

/** What TypeORM's own `find` returns, with the columns the loaders do not read left undefined. */
async function foundRows(entity: EntityTarget<ObjectLiteral>): Promise<ObjectLiteral[]> {
  const metadata = server.dataSource.getMetadata(entity);
  const served = new Set(servedColumnsOf(server.dataSource, entity));
  const notServed = metadata.columns.filter((column) => !served.has(column));
  const rows = await server.dataSource.getRepository(entity).find({ order: { id: 'ASC' } });
  for (const row of rows) for (const column of notServed) row[column.propertyName] = undefined;
  return rows;
}

test.each(ENTITIES.map((entity) => [nameOf(entity), entity] as const))(
  'a %s row hydrated from raw columns equals what TypeORM finds for the same id',
  async (_name, entity) => {
    const found = await foundRows(entity);
    expect(found.length).toBeGreaterThan(0);
    expect(await hydratedRows(entity)).toStrictEqual(found);
  },
);

// Dates are stored as text ('YYYY-MM-DD', ISO timestamps): no column holds a Date object.
test('the rows compared have values of every kind, nulls included', async () => {
  const kinds = new Set<string>();
  for (const entity of ENTITIES) {
    for (const row of await foundRows(entity)) {
      for (const value of Object.values(row)) {
        kinds.add(
          value === null
            ? 'null'
            : value instanceof Date
              ? 'Date'
              : Array.isArray(value)
                ? 'array'
                : typeof value,
        );
      }
    }
  }
  expect([...kinds].sort()).toEqual(['array', 'boolean', 'null', 'number', 'string', 'undefined']);
});

test("an attachment event's status columns read from a join equal those TypeORM finds", async () => {
  const read = columnsReaderOf(server.dataSource, AttachmentEvent, STATUS_EVENT_COLUMNS);
  const raw: RawRow[] = await server.dataSource
    .getRepository(AttachmentEvent)
    .createQueryBuilder('event')
    .select(STATUS_EVENT_COLUMNS.map((column) => `event.${column}`))
    .orderBy('event.id', 'ASC')
    .getRawMany();
  const found = await server.dataSource
    .getRepository(AttachmentEvent)
    .find({ order: { id: 'ASC' } });
  expect(found.length).toBeGreaterThan(0);
  expect(raw.map((row) => read(row, 'event'))).toStrictEqual(
    found.map((event) =>
      Object.fromEntries(STATUS_EVENT_COLUMNS.map((column) => [column, event[column]])),
    ),
  );
});
