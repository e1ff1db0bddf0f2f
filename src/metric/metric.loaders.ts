import type { EntityManager } from 'typeorm';
import { rowsByIdLoader, rowsByKeyLoader, type LoaderOptions } from '../db/batching';
import { Metric } from './metric.entity';

export function createMetricLoaders(reader: EntityManager, options: LoaderOptions) {
  return {
    metricByIdLoader: rowsByIdLoader(reader, Metric, options),
    metricsByFilmIdLoader: rowsByKeyLoader(
      reader,
      Metric,
      'filmId',
      (qb, a) => qb.orderBy(`${a}.asOf`, 'ASC').addOrderBy(`${a}.id`, 'ASC'),
      options,
    ),
  };
}
