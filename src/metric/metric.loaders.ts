import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { rowsByIdLoader, rowsByKeyLoader, type LoaderOptions } from '../db/batching';
import { Metric } from './metric.entity';

/** The metric loaders of one request (`loaders.metric`). */
export type MetricLoaders = {
  readonly byId: DataLoader<number, Metric | null>;
  /** A film's metrics, oldest first. */
  readonly byFilmId: DataLoader<number, Metric[]>;
};

export function createMetricLoaders(reader: EntityManager, options: LoaderOptions): MetricLoaders {
  return {
    byId: rowsByIdLoader(reader, Metric, options),
    byFilmId: rowsByKeyLoader(
      reader,
      Metric,
      'filmId',
      (qb, a) => qb.orderBy(`${a}.asOf`, 'ASC').addOrderBy(`${a}.id`, 'ASC'),
      options,
    ),
  };
}
