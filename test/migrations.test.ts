import { createTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ seed: false });
});
afterAll(() => server.close());

test('after the migrations the database matches the entities exactly', async () => {
  const pending = await server.dataSource.driver.createSchemaBuilder().log();
  expect(pending.upQueries.map((query) => query.query)).toEqual([]);
});

test('the migrations can be reverted one by one and applied again', async () => {
  await server.dataSource.undoLastMigration();
  await server.dataSource.undoLastMigration();
  expect(await server.dataSource.showMigrations()).toBe(true);
  await server.dataSource.runMigrations();
  const pending = await server.dataSource.driver.createSchemaBuilder().log();
  expect(pending.upQueries).toEqual([]);
});
