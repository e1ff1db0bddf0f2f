import { SEED } from '../../seeds/seed';
import { newApiKey } from '../support/editor';

import { createTestServer, type TestServer } from '../support/test-server';

// Read replicas are a PostgreSQL deployment option (TypeORM replication); SQLite has none. A real
// replica needs a second server streaming from the first, which this test does not have: here
// DATABASE_REPLICA_URLS names the primary itself. What it shows is that the setting opens a second,
// separately named pool and that the API still reads and writes through it; not that reads would be
// served by another server, nor anything about replication lag.

describe('on PostgreSQL, with DATABASE_REPLICA_URLS naming the primary itself', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ env: (url) => ({ DATABASE_REPLICA_URLS: url }) });
  });
  afterAll(() => server.close());

  async function applicationNames(): Promise<string[]> {
    const rows: { name: string }[] = await server.dataSource.query(
      `SELECT DISTINCT application_name AS name FROM pg_stat_activity
       WHERE datname = current_database() AND application_name LIKE 'franchise-graph%' ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  }

  test('a second pool named franchise-graph-replica is opened, and a read answers as usual', async () => {
    expect(server.config.database).toMatchObject({
      replicaUrls: [expect.stringMatching(/^postgres:/)],
    });
    const result = await server.execute(`query F($slug: String!) { film(slug: $slug) { title } }`, {
      slug: SEED.films.extraction2,
    });
    expect(result).toEqual({ data: { film: { title: 'Extraction 2' } } });
    // The listener is the one connection of its own that subscriptions use (LISTEN, on the primary).
    expect(await applicationNames()).toEqual([
      'franchise-graph',
      'franchise-graph-listener',
      'franchise-graph-replica',
    ]);
  });

  test('a mutation still answers with what it wrote', async () => {
    const key = await newApiKey(server.dataSource, 'replicas');
    const created = await server.execute(
      `mutation CreateReplicaReader { createPerson(input: { name: "Replica Reader" }) { person { name slug } } }`,
      undefined,
      { apiKey: key },
    );
    expect(created).toEqual({
      data: { createPerson: { person: { name: 'Replica Reader', slug: 'replica-reader' } } },
    });
  });
});
