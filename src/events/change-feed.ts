import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { Loaders } from '../graphql/loaders';
import type { Logger } from '../lib/logger';
import { whereInScope, type ChangeScope } from './change-filter';
import { ChangeLogEntry } from './change-log.entity';
import { CHANGES_CHANNEL, onCommittedChange } from './change-signal';
import { toChange, type Change, type ChangePosition } from './change.resolver';

export interface ChangeFeedOptions {
  /** Changes read ahead for one subscription and not yet taken by its client. */
  readonly maxQueued: number;
  /** A subscription whose client takes nothing for this long while its queue is full is closed. */
  readonly stallMs: number;
  readonly logger: Logger;
  /** Fresh loaders, made for each read of the feed and shared by the subscriptions it feeds. */
  readonly loaders: () => Loaders;
}

/** Rows read per query: a catch-up reads its backlog in pages of this size. */
const PAGE_SIZE = 100;

/** After a failed read (the database away), the next try. */
const RETRY_MS = 1_000;

interface Subscriber {
  readonly scope: ChangeScope;
  /** The last change read for it (or the top of the feed when it started): reads continue after it. */
  position: ChangePosition;
  /** Read, not yet taken by the client. */
  readonly queue: Change[];
  /** The pending `next()` of its iterator, when the client waits for a change. */
  waiting: ((result: IteratorResult<Change>) => void) | null;
  /** A read was skipped because the queue was full: read again when the client has taken half. */
  starved: boolean;
  lastTaken: number;
  done: boolean;
  /** Called once when the client is too slow (the connection is closed with a code). */
  readonly onStall: () => void;
}

function isBefore(a: ChangePosition, b: ChangePosition): boolean {
  return a.seq < b.seq || (a.seq === b.seq && a.id < b.id);
}

/**
 * Pushes committed changes to subscriptions, in commit order, with no gap and no repeat.
 *
 * Each subscription keeps a position in the feed (a cursor: commit-order number, then row). A pass
 * reads, for every subscription behind the feed's top, the matching rows after its position and up to
 * the top, and moves the position on. Catching up after a cursor and going live are therefore one
 * loop: nothing is missed between the two, and a reconnecting client resumes from its last cursor.
 * Everything at or below the top is committed (the numbers are handed out in commit order, see
 * `nextChangeSeq`), so a position moved to the top never skips a change that commits later.
 *
 * Subscriptions with the same filter at the same position (all live ones, usually) share one read.
 * Passes run when a change is signalled (`change-signal.ts`: in this process after the commit; from other
 * servers through PostgreSQL's NOTIFY), one at a time; a signal during a pass runs one more pass. A
 * subscription reads ahead at most `maxQueued` changes: a client that does not keep up holds no more
 * memory than that, and is closed once it has taken nothing for `stallMs` while changes wait.
 */
export class ChangeFeed {
  private readonly subscribers = new Set<Subscriber>();
  private pumping = false;
  private again = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly sweep: NodeJS.Timeout;
  private readonly unsubscribeLocal: () => void;
  private readonly listener: NotificationListener | null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: ChangeFeedOptions,
  ) {
    this.unsubscribeLocal = onCommittedChange(dataSource.options, () => this.wake());
    const { options: db } = dataSource;
    this.listener =
      db.type === 'postgres'
        ? new NotificationListener(
            String(db.replication?.master.url ?? db.url),
            () => this.wake(),
            options.logger,
          )
        : null;
    // Finds the stalled clients, whose queues no pass reads for.
    this.sweep = setInterval(() => {
      if ([...this.subscribers].some((s) => s.queue.length >= options.maxQueued)) this.wake();
    }, options.stallMs / 2);
    this.sweep.unref();
  }

  /** Starts listening to the other servers (PostgreSQL); resolves once listening. */
  async start(): Promise<void> {
    await this.listener?.start();
  }

  /** Ends every subscription (their iterators finish) and stops listening. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweep);
    if (this.retry) clearTimeout(this.retry);
    this.unsubscribeLocal();
    for (const subscriber of this.subscribers) this.finish(subscriber);
    await this.listener?.stop();
  }

  /** The subscriptions open now. */
  get size(): number {
    return this.subscribers.size;
  }

  /** Changes read and not yet taken, over every subscription. */
  get queued(): number {
    let count = 0;
    for (const subscriber of this.subscribers) count += subscriber.queue.length;
    return count;
  }

  /**
   * The changes `scope` selects, committed after `after` (a cursor's position), or from now on without
   * one; `onStall` is called if the client stops taking them.
   */
  async subscribe(
    scope: ChangeScope,
    after: ChangePosition | null,
    onStall: () => void,
  ): Promise<AsyncIterableIterator<Change>> {
    const subscriber: Subscriber = {
      scope,
      position: after ?? (await this.top()),
      queue: [],
      waiting: null,
      starved: false,
      lastTaken: Date.now(),
      done: this.stopped,
      onStall,
    };
    if (!subscriber.done) this.subscribers.add(subscriber);
    this.wake();
    const iterator: AsyncIterableIterator<Change> = {
      next: (): Promise<IteratorResult<Change>> => {
        subscriber.lastTaken = Date.now();
        const value = subscriber.queue.shift();
        if (subscriber.starved && subscriber.queue.length <= this.options.maxQueued / 2) {
          subscriber.starved = false;
          this.wake();
        }
        if (value !== undefined) return Promise.resolve({ value, done: false });
        if (subscriber.done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (subscriber.waiting = resolve));
      },
      return: (): Promise<IteratorResult<Change>> => {
        this.finish(subscriber);
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Runs a pass soon (or one more after the pass running now). */
  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void this.pump();
  }

  private async pump(): Promise<void> {
    try {
      let more = true;
      while (more && !this.stopped) {
        this.again = false;
        more = (await this.pass()) || this.again;
      }
    } catch (error) {
      this.options.logger.error({ err: error }, 'reading the changes feed failed; retrying');
      this.retry = setTimeout(() => {
        this.retry = null;
        this.wake();
      }, RETRY_MS);
      this.retry.unref();
    } finally {
      this.pumping = false;
    }
  }

  /** One read for every group of subscriptions behind the top; true when some read a full page. */
  private async pass(): Promise<boolean> {
    if (this.subscribers.size === 0) return false;
    const top = await this.top();
    const now = Date.now();
    const groups = new Map<string, Subscriber[]>();
    for (const subscriber of this.subscribers) {
      if (!isBefore(subscriber.position, top)) continue;
      if (subscriber.queue.length >= this.options.maxQueued) {
        subscriber.starved = true;
        if (now - subscriber.lastTaken > this.options.stallMs) this.stall(subscriber);
        continue;
      }
      const { seq, id } = subscriber.position;
      const key = `${subscriber.scope.key}@${seq}.${id}`;
      const group = groups.get(key);
      if (group) group.push(subscriber);
      else groups.set(key, [subscriber]);
    }
    const full = await Promise.all(
      [...groups.values()].map(async (group) => {
        const room = Math.min(
          PAGE_SIZE,
          ...group.map((s) => this.options.maxQueued - s.queue.length),
        );
        const { scope, position } = group[0];
        const rows = await this.read(scope, position, top, room);
        const loaders = this.options.loaders();
        const changes = rows.map((row) => Object.assign(toChange(row), { loaders }));
        const last = rows.at(-1);
        const next = rows.length === room && last ? { seq: last.seq, id: last.id } : top;
        for (const subscriber of group) this.deliver(subscriber, changes, next);
        return rows.length === room;
      }),
    );
    return full.includes(true);
  }

  private deliver(subscriber: Subscriber, changes: readonly Change[], next: ChangePosition): void {
    if (subscriber.done) return;
    subscriber.position = next;
    subscriber.queue.push(...changes);
    const waiting = subscriber.waiting;
    if (waiting && subscriber.queue.length > 0) {
      subscriber.waiting = null;
      subscriber.lastTaken = Date.now();
      waiting({ value: subscriber.queue.shift()!, done: false });
    }
  }

  private stall(subscriber: Subscriber): void {
    this.finish(subscriber);
    subscriber.onStall();
  }

  private finish(subscriber: Subscriber): void {
    subscriber.done = true;
    subscriber.queue.length = 0;
    this.subscribers.delete(subscriber);
    const waiting = subscriber.waiting;
    subscriber.waiting = null;
    waiting?.({ value: undefined, done: true });
  }

  /** Runs `read` on the primary: a replica may not have the change a signal announced yet. */
  private async onPrimary<T>(read: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'postgres') return read(this.dataSource.manager);
    const runner = this.dataSource.createQueryRunner('master');
    try {
      return await read(runner.manager);
    } finally {
      await runner.release();
    }
  }

  /** The newest change's position; (0, 0) for an empty feed. */
  private top(): Promise<ChangePosition> {
    return this.onPrimary(async (manager) => {
      const row = await manager
        .getRepository(ChangeLogEntry)
        .createQueryBuilder('c')
        .select(['c.seq', 'c.id'])
        .orderBy('c.seq', 'DESC')
        .addOrderBy('c.id', 'DESC')
        .limit(1)
        .getOne();
      return row ? { seq: row.seq, id: row.id } : { seq: 0, id: 0 };
    });
  }

  private read(
    scope: ChangeScope,
    after: ChangePosition,
    upTo: ChangePosition,
    limit: number,
  ): Promise<ChangeLogEntry[]> {
    return this.onPrimary((manager) =>
      whereInScope(
        manager
          .getRepository(ChangeLogEntry)
          .createQueryBuilder('c')
          .where('(c.seq, c.id) > (:afterSeq, :afterId)', {
            afterSeq: after.seq,
            afterId: after.id,
          })
          .andWhere('(c.seq, c.id) <= (:topSeq, :topId)', { topSeq: upTo.seq, topId: upTo.id }),
        scope,
      )
        .orderBy('c.seq', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .limit(limit)
        .getMany(),
    );
  }
}

/** How long to wait before connecting again: doubling from the first to the last. */
const RECONNECT_MS = { first: 100, last: 5_000 };

/**
 * LISTEN on its own PostgreSQL connection (a pooled one would be handed to other queries). Each
 * notification, and each (re)connection, wakes the feed; a pass after reconnecting reads everything
 * committed meanwhile, from each subscription's position, so a lost connection loses no change.
 */
class NotificationListener {
  private client: Client | null = null;
  private stopped = false;
  private delay = RECONNECT_MS.first;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly wake: () => void,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.url,
      application_name: 'franchise-graph-listener',
    });
    let gone = false;
    const lost = (error?: Error) => {
      if (gone) return;
      gone = true;
      if (this.client === client) this.client = null;
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(
        { err: error, retryMs: this.delay },
        'the LISTEN connection for subscriptions was lost; reconnecting',
      );
      this.reconnectLater();
    };
    client.on('notification', () => this.wake());
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      lost(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (gone) return;
    if (this.stopped) {
      gone = true;
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.delay = RECONNECT_MS.first;
    // What other servers committed while no one listened.
    this.wake();
  }

  private reconnectLater(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, this.delay);
    this.timer.unref();
    this.delay = Math.min(this.delay * 2, RECONNECT_MS.last);
  }
}
