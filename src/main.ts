import 'reflect-metadata';
import { prepareDatabase } from './db/bootstrap';
import { seed } from '../seeds/seed';
import { createLogger } from './lib/logger';
import { closeWriter } from './db/transactions';
import { ConfigError, loadConfig, type AppConfig } from './config';
import {
  closeDatabase,
  createDataSource,
  forMigrations,
  synchronousCommitOf,
} from './db/data-source';
import { createApp } from './app';
import { drain } from './http/drain';
import { listen, urlOf } from './http/server';

/** How long requests in flight get to finish after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 25_000;

async function main(config: AppConfig): Promise<void> {
  const logger = createLogger(config.logLevel);
  const maintenance = createDataSource(forMigrations(config.database));
  await maintenance.initialize();
  try {
    const { migrated, seeded } = await prepareDatabase(maintenance, seed);
    const { database } = config;
    // The pool settings in force (never the URLs: they may hold passwords).
    const pool =
      database.type === 'postgres'
        ? {
            poolSize: database.poolSize,
            statementTimeoutMs: database.statementTimeoutMs,
            idleInTransactionTimeoutMs: database.idleInTransactionTimeoutMs,
            replicas: database.replicaUrls.length,
          }
        : {};
    logger.info({ migrated, seeded, database: database.type, ...pool }, 'database ready');
    // An acknowledged write must survive a crash of the database server's machine (README: Durability).
    const synchronousCommit = await synchronousCommitOf(maintenance);
    if (synchronousCommit === 'off')
      logger.warn(
        { synchronousCommit },
        'PostgreSQL synchronous_commit is off: writes this server acknowledges may be lost if the database server crashes; set it to on',
      );
  } finally {
    await closeDatabase(maintenance);
  }
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();

  const app = await createApp({ dataSource, config, logger });
  await app.start();
  const { server, port, address } = await listen(
    app.handler,
    config.port,
    config.host,
    app.upgrade,
  );
  const metricsServer =
    app.metrics && config.metricsPort !== null
      ? await listen(app.metrics.handler, config.metricsPort, config.host)
      : null;
  // The "serving" line is the ready signal (scripts and tests wait for it), so it comes only once
  // every port this process opens is listening, in one write with the metrics line after it.
  const url = urlOf(address, port);
  const metricsLine = metricsServer
    ? `franchise-graph metrics at ${urlOf(metricsServer.address, metricsServer.port)}/metrics\n`
    : '';
  process.stdout.write(
    `franchise-graph is serving GraphiQL at ${url}/graphql and the explorer at ${url}/explore\n${metricsLine}`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    metricsServer?.server.close();
    await drain(server, app, SHUTDOWN_GRACE_MS);
    await closeWriter(dataSource);
    await closeDatabase(dataSource);
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

let config: AppConfig;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`franchise-graph cannot start: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
main(config).catch((error: unknown) => {
  process.stderr.write(
    `franchise-graph failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
