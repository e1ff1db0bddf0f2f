import 'reflect-metadata';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { prepareDatabase } from '../src/bootstrap';
import { createLogger } from '../src/common/logger';
import { sqlTallyOf } from '../src/common/request-log';
import { loadConfig } from '../src/config';
import { closeDatabase, createDataSource } from '../src/database';
import { createApp } from '../src/server';

/**
 * The franchise-graph server as the benchmark runs it: the real app, on loopback, with two bench-only
 * additions that are not settings anyone should run in production (so they are read here, not in
 * src/config.ts):
 *
 * - BENCH_BATCH=off: every loader loads one key at a time (the N+1 baseline).
 * - every response carries `x-sql-statements`: the SQL statements the request ran. The app counts them
 *   for its request log anyway (`sqlTallyOf(res)`); this only copies the count into a header.
 */
export const SQL_STATEMENTS_HEADER = 'x-sql-statements';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  await prepareDatabase(dataSource);
  const batch = process.env.BENCH_BATCH !== 'off';
  const app = await createApp({ dataSource, config, logger, loaderOptions: { batch } });
  await app.start();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
      const tally = sqlTallyOf(res);
      if (tally && !res.headersSent) res.setHeader(SQL_STATEMENTS_HEADER, String(tally.statements));
      return writeHead.apply(this, args);
    } as typeof writeHead;
    app.app(req, res);
  });
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
