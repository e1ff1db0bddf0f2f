import type { EntityManager } from 'typeorm';
import { rowsByIdLoader, rowsByKeyLoader, type LoaderOptions } from '../db/batching';
import { orderByHistory } from '../events/reported-event';
import { FilmRelation, FilmRelationEvent } from './film-relation.entity';
import { Film } from './film.entity';
import { ProductionEvent } from './production-event.entity';
import { ReleaseEvent } from './release-event.entity';

export function createFilmLoaders(reader: EntityManager, options: LoaderOptions) {
  return {
    filmByIdLoader: rowsByIdLoader(reader, Film, options),
    productionEventByIdLoader: rowsByIdLoader(reader, ProductionEvent, options),
    releaseEventByIdLoader: rowsByIdLoader(reader, ReleaseEvent, options),
    filmRelationByIdLoader: rowsByIdLoader(reader, FilmRelation, options),
    filmRelationEventByIdLoader: rowsByIdLoader(reader, FilmRelationEvent, options),
    productionEventsByFilmIdLoader: rowsByKeyLoader(
      reader,
      ProductionEvent,
      'filmId',
      orderByHistory,
      options,
    ),
    releasesByFilmIdLoader: rowsByKeyLoader(
      reader,
      ReleaseEvent,
      'filmId',
      (qb, a) => qb.orderBy(`${a}.date`, 'ASC').addOrderBy(`${a}.id`, 'ASC'),
      options,
    ),
    relationsByFromFilmIdLoader: rowsByKeyLoader(
      reader,
      FilmRelation,
      'fromFilmId',
      (qb, a) => qb.orderBy(`${a}.id`, 'ASC'),
      options,
    ),
    relationsByToFilmIdLoader: rowsByKeyLoader(
      reader,
      FilmRelation,
      'toFilmId',
      (qb, a) => qb.orderBy(`${a}.id`, 'ASC'),
      options,
    ),
    relationEventsByRelationIdLoader: rowsByKeyLoader(
      reader,
      FilmRelationEvent,
      'relationId',
      orderByHistory,
      options,
    ),
  };
}
