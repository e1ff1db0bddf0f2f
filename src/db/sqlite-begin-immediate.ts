import type { QueryRunner } from 'typeorm';

/** What TypeORM's SQLite query runners send to begin a transaction (a deferred one). */
export const TYPEORM_BEGIN = 'BEGIN TRANSACTION';

/** What is sent instead: the write lock is taken up front. */
export const BEGIN_IMMEDIATE = 'BEGIN IMMEDIATE TRANSACTION';

/**
 * Makes the driver's single query runner begin its transactions IMMEDIATE. TypeORM has no option for
 * it, so the runner's `query` rewrites TypeORM's exact statement (test/workarounds pins that wording).
 */
export function beginImmediate(runner: QueryRunner): void {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = ((sql: string, ...rest: unknown[]) =>
    query(sql === TYPEORM_BEGIN ? BEGIN_IMMEDIATE : sql, ...rest)) as QueryRunner['query'];
}
