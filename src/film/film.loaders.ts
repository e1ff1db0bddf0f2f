import type { DataSource } from 'typeorm';
import { rowsByIdLoader, rowsByKeyLoader, type LoaderOptions } from '../common/batching';
import { orderByHistory } from '../source/reported-event';
import { FilmRelation, FilmRelationEvent } from './film-relation.entity';
import { Film } from './film.entity';
import { ProductionEvent } from './production-event.entity';
import { ReleaseEvent } from './release-event.entity';

export function createFilmLoaders(dataSource: DataSource, options: LoaderOptions) {
  return {
    filmByIdLoader: rowsByIdLoader(dataSource, Film, options),
    productionEventByIdLoader: rowsByIdLoader(dataSource, ProductionEvent, options),
    releaseEventByIdLoader: rowsByIdLoader(dataSource, ReleaseEvent, options),
    filmRelationByIdLoader: rowsByIdLoader(dataSource, FilmRelation, options),
    filmRelationEventByIdLoader: rowsByIdLoader(dataSource, FilmRelationEvent, options),
    productionEventsByFilmIdLoader: rowsByKeyLoader(
      dataSource,
      ProductionEvent,
      'filmId',
      orderByHistory,
      options,
    ),
    releasesByFilmIdLoader: rowsByKeyLoader(
      dataSource,
      ReleaseEvent,
      'filmId',
      (qb, a) => qb.orderBy(`${a}.date`, 'ASC').addOrderBy(`${a}.id`, 'ASC'),
      options,
    ),
    relationsByFromFilmIdLoader: rowsByKeyLoader(
      dataSource,
      FilmRelation,
      'fromFilmId',
      (qb, a) => qb.orderBy(`${a}.id`, 'ASC'),
      options,
    ),
    relationsByToFilmIdLoader: rowsByKeyLoader(
      dataSource,
      FilmRelation,
      'toFilmId',
      (qb, a) => qb.orderBy(`${a}.id`, 'ASC'),
      options,
    ),
    relationEventsByRelationIdLoader: rowsByKeyLoader(
      dataSource,
      FilmRelationEvent,
      'relationId',
      orderByHistory,
      options,
    ),
  };
}
