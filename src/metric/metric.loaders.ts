import type { DataSource } from 'typeorm';
import { rowsByIdLoader, rowsByKeyLoader, type LoaderOptions } from '../common/batching';
import { Metric } from './metric.entity';

export function createMetricLoaders(dataSource: DataSource, options: LoaderOptions) {
  return {
    metricByIdLoader: rowsByIdLoader(dataSource, Metric, options),
    metricsByFilmIdLoader: rowsByKeyLoader(
      dataSource,
      Metric,
      'filmId',
      (qb, a) => qb.orderBy(`${a}.asOf`, 'ASC').addOrderBy(`${a}.id`, 'ASC'),
      options,
    ),
  };
}
