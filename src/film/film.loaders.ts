import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { rowsByIdLoader, rowsByKeyLoader, type LoaderOptions } from '../db/batching';
import { orderByHistory } from '../events/reported-event';
import { FilmRelation, FilmRelationEvent } from './film-relation.entity';
import { Film } from './film.entity';
import { ProductionEvent } from './production-event.entity';
import { ReleaseEvent } from './release-event.entity';
import { TitleEvent } from './title-event.entity';

/** The film loaders of one request (`loaders.film`): films, their events and their relations. */
export type FilmLoaders = {
  readonly byId: DataLoader<number, Film | null>;
  readonly productionEventById: DataLoader<number, ProductionEvent | null>;
  readonly releaseEventById: DataLoader<number, ReleaseEvent | null>;
  readonly titleEventById: DataLoader<number, TitleEvent | null>;
  readonly relationById: DataLoader<number, FilmRelation | null>;
  readonly relationEventById: DataLoader<number, FilmRelationEvent | null>;
  /** A film's production events, in history order. */
  readonly productionEventsByFilmId: DataLoader<number, ProductionEvent[]>;
  /** A film's release reports, in history order. */
  readonly releasesByFilmId: DataLoader<number, ReleaseEvent[]>;
  /** A film's title reports, in history order. */
  readonly titleEventsByFilmId: DataLoader<number, TitleEvent[]>;
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
    titleEventById: rowsByIdLoader(reader, TitleEvent, options),
    relationById: rowsByIdLoader(reader, FilmRelation, options),
    relationEventById: rowsByIdLoader(reader, FilmRelationEvent, options),
    productionEventsByFilmId: rowsByKeyLoader(
      reader,
      ProductionEvent,
      'filmId',
      orderByHistory,
      options,
    ),
    releasesByFilmId: rowsByKeyLoader(reader, ReleaseEvent, 'filmId', orderByHistory, options),
    titleEventsByFilmId: rowsByKeyLoader(reader, TitleEvent, 'filmId', orderByHistory, options),
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
