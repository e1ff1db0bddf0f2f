import type { DataSourceOptions, EntityManager } from 'typeorm';
import { afterCommit } from '../db/transactions';

/**
 * How a committed change reaches the subscribers (`ChangeFeed`): only as a wake-up call carrying its
 * commit-order number; the feed then reads the change itself from the database, so a lost or
 * repeated signal costs nothing but a read.
 *
 * - In this process: once the writing transaction has committed (SQLite and PostgreSQL alike).
 * - On PostgreSQL, to every server: `pg_notify` on `CHANGES_CHANNEL`, sent by the statement that takes
 *   the number (`nextChangeSeq`), so inside the transaction: PostgreSQL delivers it at COMMIT, and never
 *   for a transaction that rolls back.
 */
export const CHANGES_CHANNEL = 'franchise_graph_changes';

type Listener = (seq: number) => void;

/** By database, not by process: tests run several databases in one process. */
const listeners = new Map<string, Set<Listener>>();

/** The database a DataSource works on: the SQLite file, or the PostgreSQL primary's URL. */
export function databaseKeyOf(options: DataSourceOptions): string {
  if (options.type === 'postgres') {
    return String(options.replication?.master.url ?? options.url ?? '');
  }
  return String(options.database ?? '');
}

/** Tells this process's listeners of `seq` once the transaction of `manager` has committed. */
export function signalAfterCommit(manager: EntityManager, seq: number): void {
  const key = databaseKeyOf(manager.connection.options);
  afterCommit(manager, () => {
    for (const listener of listeners.get(key) ?? []) listener(seq);
  });
}

/** Calls `listener` with the number of each change committed in this process on `options`' database. */
export function onCommittedChange(options: DataSourceOptions, listener: Listener): () => void {
  const key = databaseKeyOf(options);
  let set = listeners.get(key);
  if (!set) listeners.set(key, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(key);
  };
}
