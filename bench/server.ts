import 'reflect-metadata';
import express from 'express';
import { prepareDatabase } from '../src/bootstrap';
import { createLogger } from '../src/common/logger';
import { withSqlTally } from '../src/common/sql-counter';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/database';
import { BODY_LIMIT, createApp, listen } from '../src/server';

/**
 * The franchise-graph server as the benchmark runs it: the real app, plus two bench-only switches read
 * here rather than in src/config.ts because they are not settings anyone should run in production.
 *
 * - BENCH_BATCH=off: every loader loads one key at a time (the N+1 baseline).
 * - BENCH_SQL_HEADER=1: each response carries `x-sql-statements`, the SQL statements the request ran.
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

  let handler: express.Express = app.app;
  if (process.env.BENCH_SQL_HEADER === '1') {
    handler = express();
    // The body is parsed before the tally starts: a stream's events would lose the async context.
    handler.use(express.json({ limit: BODY_LIMIT }));
    handler.use((_req, res, next) => {
      const tally = { statements: 0 };
      const writeHead = res.writeHead;
      res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
        if (!res.headersSent) res.setHeader(SQL_STATEMENTS_HEADER, String(tally.statements));
        return writeHead.apply(this, args);
      } as typeof writeHead;
      withSqlTally(tally, () => next());
    });
    handler.use(app.app);
  }
  const { port } = await listen(handler, config.port, '127.0.0.1');
  process.stdout.write(`listening ${port} batch=${batch}\n`);
  const stop = async () => {
    await app.stop();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
