import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { Film } from '../film/film.entity';
import { Source } from '../source/source.entity';
import { Metric } from './metric.entity';

@Resolver(() => Metric)
export class MetricResolver {
  @FieldResolver(() => Film, { description: 'The film measured.' })
  film(@Root() metric: Metric, @Ctx() { loaders }: Context): Promise<Film | null> {
    return loaders.film.byId.load(metric.filmId);
  }

  @FieldResolver(() => Source, { description: 'Where the figure was published.' })
  source(@Root() metric: Metric, @Ctx() { loaders }: Context): Promise<Source | null> {
    return loaders.source.byId.load(metric.sourceId);
  }
}
