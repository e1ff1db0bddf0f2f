import DataLoader from 'dataloader';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  columnsReaderOf,
  groupRows,
  hydratorOf,
  rowsByIdLoader,
  rowsByKeyLoader,
  runLoaderQuery,
  selectServed,
  type LoaderOptions,
  type RawRow,
} from '../db/batching';
import { dialectOf } from '../db/sql-dialect';
import { compareEvents, orderByHistory } from '../events/reported-event';
import { AttachmentEvent, STATUS_EVENT_COLUMNS, type StatusEvent } from './attachment-event.entity';
import { Credit, type CreditWithHistory } from './credit.entity';
import { CreditRole } from './credit.enums';

const ROLE_RANK = new Map(Object.values(CreditRole).map((role, rank) => [role, rank]));

/** A film's credits read as a cast-and-crew list: by role, then billing, then when they were added. */
export function compareCredits(a: Credit, b: Credit): number {
  return (
    (ROLE_RANK.get(a.role) ?? 99) - (ROLE_RANK.get(b.role) ?? 99) ||
    (a.billingOrder ?? Number.MAX_SAFE_INTEGER) - (b.billingOrder ?? Number.MAX_SAFE_INTEGER) ||
    a.id - b.id
  );
}

/** The credit loaders of one request (`loaders.credit`): credits and their attachment events. */
export type CreditLoaders = {
  readonly byId: DataLoader<number, Credit | null>;
  readonly attachmentEventById: DataLoader<number, AttachmentEvent | null>;
  /** A credit's attachment events, in history order. */
  readonly attachmentEventsByCreditId: DataLoader<number, AttachmentEvent[]>;
  /**
   * A credit's events reduced to `STATUS_EVENT_COLUMNS`, in history order: what the status of a credit
   * read without its history (a page of `attachments`) needs.
   */
  readonly statusHistoryByCreditId: DataLoader<number, StatusEvent[]>;
  /** A film's credits with their status history, as a cast-and-crew list (`compareCredits`). */
  readonly byFilmId: DataLoader<number, CreditWithHistory[]>;
  /** A person's credits with their status history, by the film's release date. */
  readonly byPersonId: DataLoader<number, CreditWithHistory[]>;
  /** A character's credits with their status history, by the film's release date. */
  readonly byCharacterId: DataLoader<number, CreditWithHistory[]>;
};

export function createCreditLoaders(reader: EntityManager, options: LoaderOptions): CreditLoaders {
  const { dataSource } = reader;
  const dialect = dialectOf(dataSource);
  const hydrateCredit = hydratorOf(dataSource, Credit);
  const statusEventOf: (row: RawRow, alias: string) => StatusEvent = columnsReaderOf(
    dataSource,
    AttachmentEvent,
    STATUS_EVENT_COLUMNS,
  );

  /**
   * Credits come with their status history in the same statement: nearly every credit that is read is
   * asked for its status, so each credit carries its events reduced to `STATUS_EVENT_COLUMNS`
   * (`statusHistory`) rather than a second query fetching them. Whole events (`latestEvent`,
   * `history`) are read by id when asked for.
   */
  const creditsWithStatus = (
    keyColumn: 'filmId' | 'personId' | 'characterId',
    order: (qb: SelectQueryBuilder<Credit>) => SelectQueryBuilder<Credit>,
    sort?: (a: Credit, b: Credit) => number,
  ) =>
    new DataLoader<number, CreditWithHistory[]>(
      async (keys) => {
        const [condition, params] = dialect.inList(`credit.${keyColumn}`, 'keys', keys);
        // One row per event (or one for a credit without events), in the credits' order.
        const rows = await runLoaderQuery(reader, createCreditLoaders, keyColumn, params, () =>
          order(
            selectServed(
              reader.getRepository(Credit).createQueryBuilder('credit'),
              Credit,
              'credit',
            )
              .leftJoin('credit.events', 'event')
              .addSelect(STATUS_EVENT_COLUMNS.map((column) => `event.${column}`))
              .where(condition, params),
          ),
        );
        const byId = new Map<number, Credit>();
        const histories = new Map<Credit, StatusEvent[]>();
        for (const row of rows) {
          const id = Number(row.credit_id);
          let credit = byId.get(id);
          if (!credit) {
            byId.set(id, (credit = hydrateCredit(row, 'credit')));
            histories.set(credit, []);
          }
          if (row.event_id != null) histories.get(credit)!.push(statusEventOf(row, 'event'));
        }
        for (const [credit, history] of histories)
          credit.statusHistory = history.sort(compareEvents);
        // Every credit got its history just above.
        const credits = [...byId.values()] as CreditWithHistory[];
        const groups = groupRows(keys, credits, (credit) => Number(credit[keyColumn]));
        return sort ? groups.map((group) => group.sort(sort)) : groups;
      },
      { batch: options.batch },
    );

  /**
   * The narrow columns only, sorted here rather than by SQL: sorting whole events (quotes, who recorded
   * and retracted them) made SQLite's sorter carry every column, 2.4x the time of this statement.
   */
  const statusHistoryByCreditId = new DataLoader<number, StatusEvent[]>(
    async (keys) => {
      const [condition, params] = dialect.inList('event.creditId', 'keys', keys);
      const rows = await runLoaderQuery(reader, createCreditLoaders, 'statusHistory', params, () =>
        reader
          .getRepository(AttachmentEvent)
          .createQueryBuilder('event')
          .select([...STATUS_EVENT_COLUMNS, 'creditId'].map((column) => `event.${column}`))
          .where(condition, params),
      );
      return groupRows(keys, rows, (row) => Number(row.event_creditId)).map((events) =>
        events.map((row) => statusEventOf(row, 'event')).sort(compareEvents),
      );
    },
    { batch: options.batch },
  );

  return {
    byId: rowsByIdLoader(reader, Credit, options),
    statusHistoryByCreditId,
    attachmentEventById: rowsByIdLoader(reader, AttachmentEvent, options),
    attachmentEventsByCreditId: rowsByKeyLoader(
      reader,
      AttachmentEvent,
      'creditId',
      orderByHistory,
      options,
    ),
    byFilmId: creditsWithStatus('filmId', (qb) => qb.orderBy('credit.id', 'ASC'), compareCredits),
    byPersonId: creditsWithStatus('personId', (qb) =>
      qb
        .leftJoin('credit.film', 'film')
        .orderBy(`COALESCE(film.releaseDate, '9999-12-31')`, 'ASC')
        .addOrderBy('credit.filmId', 'ASC')
        .addOrderBy('credit.id', 'ASC'),
    ),
    byCharacterId: creditsWithStatus('characterId', (qb) =>
      qb
        .leftJoin('credit.film', 'film')
        .orderBy(`COALESCE(film.releaseDate, '9999-12-31')`, 'ASC')
        .addOrderBy('credit.id', 'ASC'),
    ),
  };
}
