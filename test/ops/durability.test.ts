import { synchronousCommitOf } from '../../src/db/data-source';
import { withWriteTransaction } from '../../src/db/transactions';
import { describeOnPostgres, describeOnSqlite } from '../support/test-database';
import { createTestServer, type TestServer } from '../support/test-server';
import { startServerProcess } from '../support/server-process';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ seed: false });
});
afterAll(() => server?.close());

describeOnSqlite('on SQLite', () => {
  test('the write connection commits with synchronous = FULL in WAL mode', async () => {
    const [mode, synchronous] = await withWriteTransaction(server.dataSource, async (manager) => [
      await manager.query('PRAGMA journal_mode'),
      await manager.query('PRAGMA synchronous'),
    ]);
    expect(mode).toEqual([{ journal_mode: 'wal' }]);
    // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
    expect(synchronous).toEqual([{ synchronous: 2 }]);
  });

  test('there is no synchronous_commit to check', async () => {
    expect(await synchronousCommitOf(server.dataSource)).toBeNull();
  });
});

describeOnPostgres('on PostgreSQL', () => {
  // The test cluster runs with synchronous_commit off (it is thrown away); PGOPTIONS sets it for the
  // server's connections only.
  const startWith = (synchronousCommit: string) =>
    startServerProcess({
      DATABASE_URL: server.config.database.type === 'postgres' ? server.config.database.url : '',
      PGOPTIONS: `-c synchronous_commit=${synchronousCommit}`,
      LOG_LEVEL: 'warn',
    });

  test('the server warns at start-up when synchronous_commit is off', async () => {
    const started = await startWith('off');
    try {
      expect(started.output()).toMatch(/"synchronousCommit":"off".*synchronous_commit is off/);
    } finally {
      await started.stop();
    }
  });

  test('the server does not warn when synchronous_commit is on', async () => {
    const started = await startWith('on');
    try {
      expect(started.output()).not.toContain('synchronous_commit');
    } finally {
      await started.stop();
    }
  });
});
