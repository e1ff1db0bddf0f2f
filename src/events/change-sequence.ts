import type { EntityManager } from 'typeorm';
import { CHANGES_CHANNEL } from './change-signal';

/**
 * The number that orders the `changes` feed: the order in which write transactions COMMIT.
 *
 * `recordedAt` cannot order a feed that clients poll with a cursor. It is taken before the commit, on
 * the clock of whichever server ran the mutation; on PostgreSQL, with several servers and a pool each,
 * a transaction that took an earlier `recordedAt` can commit after a later one. A poller that had
 * already read past the later one would never see the earlier one. A PostgreSQL sequence has the same
 * flaw (numbers are handed out before commit, so they commit out of order too).
 *
 * So the number comes from one counter row, incremented by the mutation as its last write. The row
 * stays locked until the transaction ends, so the next writer waits there: numbers are handed out in
 * commit order, and once a poller sees number n, every number below n is committed (or was rolled
 * back and never appears). Only the tail of event-writing transactions is serialized, from this
 * statement to COMMIT. On SQLite, writes are serialized already and this is simply a counter.
 *
 * `recordChange` (change-log.ts) calls it, after the write's other statements, and then only inserts
 * the change_log row; nothing else is written afterwards (reads are fine): a writer holding the counter
 * must not wait for a lock another writer holds, or the two would deadlock.
 */
export async function nextChangeSeq(manager: EntityManager): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    throw new Error(
      'nextChangeSeq() must run inside the write transaction of the change it numbers',
    );
  }
  // On PostgreSQL the same statement announces the number to every server (`change-signal.ts`).
  const result = await runner.query(
    manager.connection.options.type === 'postgres'
      ? `UPDATE "change_counter" SET "value" = "value" + 1 WHERE "id" = 1 RETURNING "value", pg_notify('${CHANGES_CHANNEL}', "value"::text)`
      : 'UPDATE "change_counter" SET "value" = "value" + 1 WHERE "id" = 1 RETURNING "value"',
    [],
    true,
  );
  const value = Number((result.records as { value: number | string }[] | undefined)?.[0]?.value);
  if (!Number.isSafeInteger(value)) throw new Error('the change_counter row is missing');
  return value;
}
