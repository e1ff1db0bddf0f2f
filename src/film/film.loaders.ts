import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { rowsByIdLoader, rowsByKeyLoader, type LoaderOptions } from '../db/batching';
import { orderByHistory } from '../events/reported-event';
import { FilmRelation, FilmRelationEvent } from './film-relation.entity';
import { Film } from './film.entity';
import { ProductionEvent } from './production-event.entity';
import { ReleaseEvent } from './release-event.entity';

/** The film loaders of one request (`loaders.film`): films, their events and their relations. */
export type FilmLoaders = {
  readonly byId: DataLoader<number, Film | null>;
  readonly productionEventById: DataLoader<number, ProductionEvent | null>;
  readonly releaseEventById: DataLoader<number, ReleaseEvent | null>;
  readonly relationById: DataLoader<number, FilmRelation | null>;
  readonly relationEventById: DataLoader<number, FilmRelationEvent | null>;
  /** A film's production events, in history order. */
  readonly productionEventsByFilmId: DataLoader<number, ProductionEvent[]>;
  /** A film's releases, by date. */
  readonly releasesByFilmId: DataLoader<number, ReleaseEvent[]>;
  /** The relations from a film to the films that follow it. */
  readonly relationsByFromFilmId: DataLoader<number, FilmRelation[]>;
  /** The relations to a film from the films it follows. */
  readonly relationsByToFilmId: DataLoader<number, FilmRelation[]>;
  /** A relation's events, in history order. */
  readonly relationEventsByRelationId: DataLoader<number, FilmRelationEvent[]>;
};

export function createFilmLoaders(reader: EntityManager, options: LoaderOptions): FilmLoaders {
  return {
    byId: rowsByIdLoader(reader, Film, options),
    productionEventById: rowsByIdLoader(reader, ProductionEvent, options),
    releaseEventById: rowsByIdLoader(reader, ReleaseEvent, options),
    relationById: rowsByIdLoader(reader, FilmRelation, options),
    relationEventById: rowsByIdLoader(reader, FilmRelationEvent, options),
    productionEventsByFilmId: rowsByKeyLoader(
      reader,
      ProductionEvent,
      'filmId',
      orderByHistory,
      options,
    ),
    releasesByFilmId: rowsByKeyLoader(
      reader,
      ReleaseEvent,
      'filmId',
      (qb, a) => qb.orderBy(`${a}.date`, 'ASC').addOrderBy(`${a}.id`, 'ASC'),
      options,
    ),
    relationsByFromFilmId: rowsByKeyLoader(
      reader,
      FilmRelation,
      'fromFilmId',
      (qb, a) => qb.orderBy(`${a}.id`, 'ASC'),
      options,
    ),
    relationsByToFilmId: rowsByKeyLoader(
      reader,
      FilmRelation,
      'toFilmId',
      (qb, a) => qb.orderBy(`${a}.id`, 'ASC'),
      options,
    ),
    relationEventsByRelationId: rowsByKeyLoader(
      reader,
      FilmRelationEvent,
      'relationId',
      orderByHistory,
      options,
    ),
  };
}
