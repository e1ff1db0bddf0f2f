import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/roles';
import { trimmed } from '../graphql/input-fields';
import { requireRow } from '../graphql/lookup';
import type { Context } from '../graphql/context';
import { Film } from '../film/film.entity';
import { resolveSource } from '../source/source.writes';
import { Metric } from './metric.entity';
import { RecordMetricInput } from './metric.inputs';
import { viewerOf } from '../auth/auth-checker';
import { ChangeKind, logged } from '../events/change-log';
import { createPayloadType } from '../graphql/payload';

const RecordMetricPayload = createPayloadType(
  'RecordMetricPayload',
  'What recordMetric recorded.',
  {
    metric: { type: () => Metric, description: 'The new figure.' },
  },
);

@Resolver()
export class MetricMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => RecordMetricPayload, {
    description: 'Records a number about a film, with its source. Needs an editor key.',
  })
  recordMetric(
    @Ctx() context: Context,
    @Arg('input', () => RecordMetricInput, { description: 'The figure.' }) input: RecordMetricInput,
  ): Promise<{ metric: Metric }> {
    return context.write(async (manager) => {
      const film = await requireRow(manager, Film, input.film, 'input.film');
      const source = await resolveSource(manager, input, 'input');
      const repository = manager.getRepository(Metric);
      const metric = await repository.save(
        repository.create({
          filmId: film.id,
          kind: input.kind,
          value: input.value,
          unit: input.unit,
          window: trimmed(input.window),
          methodology: input.methodology.trim(),
          projected: input.projected,
          asOf: input.asOf,
          sourceId: source.id,
        }),
      );
      return { metric: await logged(manager, ChangeKind.RECORDED, viewerOf(context).name, metric) };
    });
  }
}
