import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import {
  hydratorOf,
  rowsByIdLoader,
  rowsByKeyLoader,
  servedColumnsOf,
  type LoaderOptions,
} from '../db/batching';
import type { CursorValue, Page } from '../graphql/relay/connection';
import { dialectOf } from '../db/sql-dialect';
import { Film } from '../film/film.entity';
import { FranchiseMembership } from './franchise-membership.entity';
import { Franchise } from './franchise.entity';
import { FranchiseOrder } from './franchise.enums';

/** A page of one franchise's films is asked for with the franchise and the paging arguments. */
export interface FranchiseFilmsKey {
  readonly franchiseId: number;
  readonly order: FranchiseOrder;
  readonly page: Page;
}

/** A membership read together with its film. */
export type MembershipWithFilm = FranchiseMembership & { film: Film };

const LAST = 2147483647; // sorts films with an unknown ordinal after every known one

/** The sort key of each order, as SQL over the membership alias `m`, ending with a unique column. */
export const FRANCHISE_ORDER_KEYS: Record<FranchiseOrder, readonly string[]> = {
  [FranchiseOrder.RELEASE]: [`COALESCE(m."releaseOrdinal", ${LAST})`, 'm."filmId"'],
  [FranchiseOrder.STORY]: [
    `COALESCE(m."storyOrdinal", ${LAST})`,
    `COALESCE(m."releaseOrdinal", ${LAST})`,
    'm."filmId"',
  ],
};

export function franchiseFilmCursor(order: FranchiseOrder, m: FranchiseMembership): CursorValue[] {
  const release = m.releaseOrdinal ?? LAST;
  return order === FranchiseOrder.RELEASE
    ? [release, m.filmId]
    : [m.storyOrdinal ?? LAST, release, m.filmId];
}

/** The franchise loaders of one request (`loaders.franchise`): franchises and their memberships. */
export type FranchiseLoaders = {
  readonly byId: DataLoader<number, Franchise | null>;
  readonly membershipById: DataLoader<number, FranchiseMembership | null>;
  /** A franchise's child franchises, by name. */
  readonly byParentId: DataLoader<number, Franchise[]>;
  /** A film's places in franchises. */
  readonly membershipsByFilmId: DataLoader<number, FranchiseMembership[]>;
  /** A page of a franchise's films, each membership with its film. */
  readonly filmPage: DataLoader<FranchiseFilmsKey, MembershipWithFilm[], string>;
  /** How many films a franchise has. */
  readonly membershipCountByFranchiseId: DataLoader<number, number>;
};

export function createFranchiseLoaders(
  reader: EntityManager,
  options: LoaderOptions,
): FranchiseLoaders {
  const { dataSource } = reader;
  const dialect = dialectOf(dataSource);
  const filmColumns = servedColumnsOf(dataSource, Film).map((column) => column.databaseName);
  const hydrateFilm = hydratorOf(dataSource, Film);

  /**
   * One statement per distinct (order, page) however many franchises are asked: the page of every
   * franchise is cut with ROW_NUMBER() over its own partition, and each membership comes with its film.
   */
  const filmPage = new DataLoader<FranchiseFilmsKey, MembershipWithFilm[], string>(
    async (keys) => {
      const results = new Map<string, MembershipWithFilm[]>();
      const groups = new Map<string, FranchiseFilmsKey[]>();
      for (const key of keys) {
        const shape = JSON.stringify([key.order, key.page]);
        groups.set(shape, [...(groups.get(shape) ?? []), key]);
      }
      for (const group of groups.values()) {
        const { order, page } = group[0];
        const ids = [...new Set(group.map((key) => key.franchiseId))];
        const sortKeys = FRANCHISE_ORDER_KEYS[order];
        const tuple = `(${sortKeys.join(', ')})`;
        const direction = page.backward ? 'DESC' : 'ASC';
        const [inIds, params] = dialect.inList('m."franchiseId"', 'ids', ids);
        const conditions = [inIds];
        const bind = (values: CursorValue[], prefix: string) =>
          `(${values.map((value, i) => ((params[`${prefix}${i}`] = value), `:${prefix}${i}`)).join(', ')})`;
        if (page.after) conditions.push(`${tuple} > ${bind(page.after, 'after_')}`);
        if (page.before) conditions.push(`${tuple} < ${bind(page.before, 'before_')}`);
        params.limit = page.size + 1;
        const sql = `
          SELECT * FROM (
            SELECT m."id" AS "m_id", m."franchiseId" AS "m_franchiseId", m."filmId" AS "m_filmId",
                   m."releaseOrdinal" AS "m_releaseOrdinal", m."storyOrdinal" AS "m_storyOrdinal",
                   ${filmColumns.map((c) => `f."${c}" AS "f_${c}"`).join(', ')},
                   ROW_NUMBER() OVER (
                     PARTITION BY m."franchiseId"
                     ORDER BY ${sortKeys.map((k) => `${k} ${direction}`).join(', ')}
                   ) AS "rn"
            FROM "franchise_membership" m
            JOIN "film" f ON f."id" = m."filmId"
            WHERE ${conditions.join(' AND ')}
          ) t
          WHERE t."rn" <= :limit
          ORDER BY t."m_franchiseId", t."rn"`;
        const [query, parameters] = dataSource.driver.escapeQueryWithParameters(sql, params);
        const rows: Record<string, unknown>[] = await reader.query(query, parameters);
        const byFranchise = new Map<number, MembershipWithFilm[]>();
        for (const row of rows) {
          const film = hydrateFilm(row, 'f');
          const membership = Object.assign(new FranchiseMembership(), {
            id: Number(row.m_id),
            franchiseId: Number(row.m_franchiseId),
            filmId: Number(row.m_filmId),
            releaseOrdinal: row.m_releaseOrdinal == null ? null : Number(row.m_releaseOrdinal),
            storyOrdinal: row.m_storyOrdinal == null ? null : Number(row.m_storyOrdinal),
            film,
          });
          byFranchise.set(membership.franchiseId, [
            ...(byFranchise.get(membership.franchiseId) ?? []),
            membership,
          ]);
        }
        for (const key of group)
          results.set(JSON.stringify(key), byFranchise.get(key.franchiseId) ?? []);
      }
      return keys.map((key) => results.get(JSON.stringify(key)) ?? []);
    },
    { batch: options.batch, cacheKeyFn: (key) => JSON.stringify(key) },
  );

  const membershipCountByFranchiseId = new DataLoader<number, number>(
    async (ids) => {
      const [condition, params] = dialect.inList('m.franchiseId', 'ids', ids);
      const rows: { franchiseId: number | string; count: number | string }[] = await reader
        .getRepository(FranchiseMembership)
        .createQueryBuilder('m')
        .select('m.franchiseId', 'franchiseId')
        .addSelect('COUNT(*)', 'count')
        .where(condition, params)
        .groupBy('m.franchiseId')
        .getRawMany();
      const counts = new Map(rows.map((row) => [Number(row.franchiseId), Number(row.count)]));
      return ids.map((id) => counts.get(id) ?? 0);
    },
    { batch: options.batch },
  );

  return {
    byId: rowsByIdLoader(reader, Franchise, options),
    membershipById: rowsByIdLoader(reader, FranchiseMembership, options),
    byParentId: rowsByKeyLoader(
      reader,
      Franchise,
      'parentId',
      (qb, a) => qb.orderBy(`${a}.name`, 'ASC').addOrderBy(`${a}.id`, 'ASC'),
      options,
    ),
    membershipsByFilmId: rowsByKeyLoader(
      reader,
      FranchiseMembership,
      'filmId',
      (qb, a) => qb.orderBy(`${a}.franchiseId`, 'ASC'),
      options,
    ),
    filmPage,
    membershipCountByFranchiseId,
  };
}
