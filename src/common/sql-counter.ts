import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'typeorm';

/**
 * Counts the SQL statements run on behalf of one request. The count follows the request's async context,
 * so DataLoader batches scheduled by the request count towards it.
 */
export interface SqlTally {
  statements: number;
}

const storage = new AsyncLocalStorage<SqlTally>();

export function withSqlTally<T>(tally: SqlTally, run: () => T): T {
  return storage.run(tally, run);
}

export function currentSqlTally(): SqlTally | undefined {
  return storage.getStore();
}

/** A TypeORM logger that only counts; errors are reported by the GraphQL layer, not here. */
export class CountingLogger implements Logger {
  logQuery(): void {
    const tally = storage.getStore();
    if (tally) tally.statements += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
