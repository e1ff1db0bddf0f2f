import DataLoader from 'dataloader';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import {
  groupRows,
  hydratorOf,
  rowsByIdLoader,
  rowsByKeyLoader,
  type LoaderOptions,
  type RawRow,
} from '../common/batching';
import { dialectOf } from '../common/sql-dialect';
import { compareEvents, orderByHistory } from '../source/reported-event';
import { AttachmentEvent } from './attachment-event.entity';
import { Credit } from './credit.entity';
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

export function createCreditLoaders(dataSource: DataSource, options: LoaderOptions) {
  const dialect = dialectOf(dataSource);
  const hydrateCredit = hydratorOf(dataSource, Credit);
  const hydrateEvent = hydratorOf(dataSource, AttachmentEvent);
  const attachmentEventsByCreditIdLoader = rowsByKeyLoader(
    dataSource,
    AttachmentEvent,
    'creditId',
    orderByHistory,
    options,
  );

  /**
   * Credits come with their events in the same statement: nearly every credit that is read is asked
   * for its status, so the events are primed into `attachmentEventsByCreditIdLoader` rather than
   * fetched by a second query.
   */
  const creditsWithEvents = (
    keyColumn: 'filmId' | 'personId' | 'characterId',
    order: (qb: SelectQueryBuilder<Credit>) => SelectQueryBuilder<Credit>,
    sort?: (a: Credit, b: Credit) => number,
  ) =>
    new DataLoader<number, Credit[]>(
      async (keys) => {
        const [condition, params] = dialect.inList(`credit.${keyColumn}`, 'keys', keys);
        const qb = dataSource
          .getRepository(Credit)
          .createQueryBuilder('credit')
          .leftJoinAndSelect('credit.events', 'event')
          .where(condition, params);
        // One row per event (or one for a credit without events), in the credits' order.
        const rows: RawRow[] = await order(qb).getRawMany();
        const byId = new Map<number, Credit>();
        for (const row of rows) {
          const id = Number(row.credit_id);
          let credit = byId.get(id);
          if (!credit) byId.set(id, (credit = hydrateCredit(row, 'credit')));
          credit.events ??= [];
          if (row.event_id != null) credit.events.push(hydrateEvent(row, 'event'));
        }
        const credits = [...byId.values()];
        for (const credit of credits) {
          const events = (credit.events ?? []).sort(compareEvents);
          attachmentEventsByCreditIdLoader.clear(credit.id).prime(credit.id, events);
          for (const event of events) attachmentEventByIdLoader.prime(event.id, event);
        }
        const groups = groupRows(keys, credits, (credit) => Number(credit[keyColumn]));
        return sort ? groups.map((group) => group.sort(sort)) : groups;
      },
      { batch: options.batch },
    );

  const attachmentEventByIdLoader = rowsByIdLoader(dataSource, AttachmentEvent, options);
  return {
    creditByIdLoader: rowsByIdLoader(dataSource, Credit, options),
    attachmentEventByIdLoader,
    attachmentEventsByCreditIdLoader,
    creditsByFilmIdLoader: creditsWithEvents(
      'filmId',
      (qb) => qb.orderBy('credit.id', 'ASC'),
      compareCredits,
    ),
    creditsByPersonIdLoader: creditsWithEvents('personId', (qb) =>
      qb
        .leftJoin('credit.film', 'film')
        .orderBy(`COALESCE(film.releaseDate, '9999-12-31')`, 'ASC')
        .addOrderBy('credit.filmId', 'ASC')
        .addOrderBy('credit.id', 'ASC'),
    ),
    creditsByCharacterIdLoader: creditsWithEvents('characterId', (qb) =>
      qb
        .leftJoin('credit.film', 'film')
        .orderBy(`COALESCE(film.releaseDate, '9999-12-31')`, 'ASC')
        .addOrderBy('credit.id', 'ASC'),
    ),
  };
}
