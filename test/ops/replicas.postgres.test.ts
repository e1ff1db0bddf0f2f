import { SEED } from '../../seeds/seed';
import { newApiKey } from '../support/editor';

import { createTestServer, type TestServer } from '../support/test-server';

// Read replicas are a PostgreSQL deployment option (TypeORM replication); SQLite has none. A real
// replica needs a second server streaming from the first: here the "replica" is the primary itself,
// reached through a pool of its own, which is enough to show how the app routes its queries.

describe('on PostgreSQL, with DATABASE_REPLICA_URLS', () => {
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

  test('reads go to the replica pool, and the API answers as usual', async () => {
    expect(server.config.database).toMatchObject({
      replicaUrls: [expect.stringMatching(/^postgres:/)],
    });
    const result = await server.execute(`query F($slug: String!) { film(slug: $slug) { title } }`, {
      slug: SEED.films.extraction2,
    });
    expect(result).toEqual({ data: { film: { title: 'Extraction 2' } } });
    expect(await applicationNames()).toEqual(['franchise-graph', 'franchise-graph-replica']);
  });

  test('mutations run on the primary and their results are read back', async () => {
    const key = await newApiKey(server.dataSource, 'replicas');
    const created = await server.execute(
      `mutation CreateReplicaReader { createPerson(input: { name: "Replica Reader" }) { name slug } }`,
      undefined,
      { apiKey: key },
    );
    expect(created).toEqual({
      data: { createPerson: { name: 'Replica Reader', slug: 'replica-reader' } },
    });
  });
});
