import { DataSource, type DataSourceOptions, type EntityManager, type QueryRunner } from 'typeorm';
import { beginImmediate } from './sqlite-begin-immediate';
import { bindNumbers } from './sqlite-bound-numbers';
import { tallyWrites, type SqlTally } from './sql-tally';

/**
 * Every write goes through here: one transaction per mutation, all or nothing.
 *
 * PostgreSQL: what `dataSource.transaction()` does; each transaction gets its own pooled connection.
 *
 * SQLite: TypeORM's better-sqlite3 driver has ONE connection per DataSource, so a transaction opened on
 * the app's DataSource would be seen by every concurrent request's reads (they would run inside it) and
 * two concurrent transactions would collide. Writes therefore go to a second DataSource on the same file
 * (WAL mode lets the app's connection keep reading committed data meanwhile), one transaction at a time
 * (an in-process queue), begun IMMEDIATE so that the write lock is taken up front and another process
 * waits on `busy_timeout` instead of failing when a deferred transaction tries to upgrade.
 */
export type TransactionWork<T> = (manager: EntityManager) => Promise<T>;

/**
 * Told of each write transaction when it ends: how long it waited for the SQLite writer (null on
 * PostgreSQL, where each transaction takes a pooled connection) and whether it committed. The metrics
 * server registers one; without it nothing is measured.
 */
export type WriteObserver = (waitedSeconds: number | null, committed: boolean) => void;

const observers = new WeakMap<DataSource, WriteObserver>();

/** Tells `observer` of every write transaction on `dataSource` from now on. */
export function observeWrites(dataSource: DataSource, observer: WriteObserver): void {
  observers.set(dataSource, observer);
}

/** Runs `work`, then tells the observer (if any) how it ended. */
async function observed<T>(
  observer: WriteObserver | undefined,
  waitedSeconds: number | null,
  work: () => Promise<T>,
): Promise<T> {
  if (!observer) return work();
  let committed = false;
  try {
    const result = await work();
    committed = true;
    return result;
  } finally {
    observer(waitedSeconds, committed);
  }
}

interface Writer {
  /** Runs `work` in a transaction whose statements count towards `tally`. */
  run<T>(work: TransactionWork<T>, tally?: SqlTally): Promise<T>;
  close(): Promise<void>;
}

/** Runs tasks one after another, in the order they were queued. */
class Queue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

async function openSqliteWriter(dataSource: DataSource): Promise<Writer> {
  const writeSource = new DataSource({
    ...dataSource.options,
    migrations: [],
    migrationsRun: false,
    synchronize: false,
  } as DataSourceOptions);
  bindNumbers(writeSource);
  await writeSource.initialize();
  // better-sqlite3's driver hands out one shared query runner; transactions run on it, one at a time.
  const runner = writeSource.createQueryRunner();
  beginImmediate(runner);
  const queue = new Queue();
  return {
    run: (work, tally) => {
      const observer = observers.get(dataSource);
      const queued = observer ? performance.now() : 0;
      return queue.run(() =>
        observed(observer, observer ? (performance.now() - queued) / 1000 : null, async () => {
          tallyWrites(runner, tally);
          try {
            return await writeSource.transaction(work);
          } finally {
            tallyWrites(runner, undefined);
          }
        }),
      );
    },
    close: () => (writeSource.isInitialized ? writeSource.destroy() : Promise.resolve()),
  };
}

const writers = new WeakMap<DataSource, Promise<Writer>>();

function writerOf(dataSource: DataSource): Promise<Writer> {
  let writer = writers.get(dataSource);
  if (!writer) {
    writer =
      dataSource.options.type === 'better-sqlite3'
        ? openSqliteWriter(dataSource)
        : Promise.resolve<Writer>({
            // What dataSource.transaction(work) does, on a runner that carries the tally.
            run: (work, tally) =>
              observed(observers.get(dataSource), null, async () => {
                const runner = dataSource.createQueryRunner('master');
                tallyWrites(runner, tally);
                try {
                  return await runner.manager.transaction(work);
                } finally {
                  await runner.release();
                }
              }),
            close: async () => {},
          });
    writers.set(dataSource, writer);
    writer.catch(() => writers.delete(dataSource));
  }
  return writer;
}

/**
 * Runs `work` in one write transaction on the database behind `dataSource`; its statements count towards
 * `tally` when given (a request's). Mutations come here through their context's `write`.
 */
export async function withWriteTransaction<T>(
  dataSource: DataSource,
  work: TransactionWork<T>,
  tally?: SqlTally,
): Promise<T> {
  // Captured here, not looked up after the commit: on SQLite the next transaction reuses the runner.
  const committed: (() => void)[] = [];
  const result = await (
    await writerOf(dataSource)
  ).run((manager) => {
    if (manager.queryRunner) commitCallbacks.set(manager.queryRunner, committed);
    return work(manager);
  }, tally);
  for (const callback of committed) callback();
  return result;
}

const commitCallbacks = new WeakMap<QueryRunner, (() => void)[]>();

/**
 * Runs `callback` once the write transaction `manager` belongs to has committed (never when it rolls
 * back). For what must not happen before the data is visible, such as telling this process's
 * subscribers. Outside `withWriteTransaction` (bulk loads) there is nothing to wait for: ignored.
 */
export function afterCommit(manager: EntityManager, callback: () => void): void {
  const runner = manager.queryRunner;
  if (runner) commitCallbacks.get(runner)?.push(callback);
}

/** Closes the write connection, if one was opened; call before destroying `dataSource`. */
export async function closeWriter(dataSource: DataSource): Promise<void> {
  const writer = writers.get(dataSource);
  writers.delete(dataSource);
  if (writer) await (await writer.catch(() => null))?.close();
}
