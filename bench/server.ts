import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { prepareDatabase } from '../src/db/bootstrap';
import { seed } from '../seeds/seed';
import { createLogger } from '../src/lib/logger';
import { loadConfig } from '../src/config';
import { closeDatabase, createDataSource } from '../src/db/data-source';
import { createApp } from '../src/app';

/**
 * The franchise-graph server as the benchmark runs it: the real app, on loopback. One bench-only
 * setting, not one anyone should run in production (so it is read here, not in src/config.ts):
 * BENCH_BATCH=off makes every loader load one key at a time (the N+1 baseline).
 *
 * The bench reads each request's SQL statements where the product reports them: the request log line's
 * `sqlStatements` (LOG_LEVEL=info), in a counting pass apart from the timed runs, which log nothing.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  await prepareDatabase(dataSource, seed);
  const batch = process.env.BENCH_BATCH !== 'off';
  const app = await createApp({
    dataSource,
    config,
    logger,
    loaderOptions: { batch },
  });
  await app.start();

  const server = createServer(app.handler);
  server.listen(config.port, '127.0.0.1', () => {
    process.stdout.write(`listening ${(server.address() as AddressInfo).port} batch=${batch}\n`);
  });
  process.once('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void app
      .stop()
      .then(() => closeDatabase(dataSource))
      .then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
