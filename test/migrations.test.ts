import { MIGRATIONS } from '../src/migrations';
import { createTestServer, type TestServer } from './support/test-server';

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
    expect(entityTables()).toHaveLength(15);
    expect(await existingTables()).toEqual(entityTables());
  });

  test('create exactly the schema the entities describe: synchronize would change nothing', async () => {
    const pending = await server.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  test('have nothing pending after they ran', async () => {
    expect(await server.dataSource.showMigrations()).toBe(false);
  });

  test('can be undone, removing every table, and run again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await server.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await existingTables()).toEqual([]);
    expect(await server.dataSource.showMigrations()).toBe(true);

    await server.dataSource.runMigrations({ transaction: 'each' });
    expect(await existingTables()).toEqual(entityTables());
    const pending = await server.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toEqual([]);
  });
});
