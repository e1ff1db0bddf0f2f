import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { Company } from '../company/company.entity';
import type DataLoader from 'dataloader';
import type { Context } from '../graphql/context';
import type { Loaders } from '../graphql/loaders';
import { Person } from '../person/person.entity';
import type { ReportedEvent } from '../events/reported-event';
import { Source } from './source.entity';

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => Company, { nullable: true, description: 'The outlet that published it.' })
  outlet(@Root() source: Source, @Ctx() { loaders }: Context): Promise<Company | null> | null {
    return source.outletId == null ? null : loaders.company.byId.load(source.outletId);
  }
}

/**
 * The fields every reported-event type resolves alike (`source`, `speaker`). One resolver class per
 * event type, made here, so the three event types cannot drift apart.
 */
export function createReportedEventResolver<T extends ReportedEvent>(
  eventType: ClassType<T>,
  byId: (loaders: Loaders) => DataLoader<number, T | null>,
) {
  @Resolver(() => eventType)
  class ReportedEventResolver {
    @FieldResolver(() => eventType, {
      nullable: true,
      description: 'The retracted event this one replaced (correctEvent), if any.',
    })
    corrects(@Root() event: ReportedEvent, @Ctx() { loaders }: Context): Promise<T | null> | null {
      return event.correctsId == null ? null : byId(loaders).load(event.correctsId);
    }

    @FieldResolver(() => eventType, {
      nullable: true,
      description: 'The event that replaced this one (correctEvent), if it was corrected.',
    })
    correctedBy(
      @Root() event: ReportedEvent,
      @Ctx() { loaders }: Context,
    ): Promise<T | null> | null {
      return event.correctedById == null ? null : byId(loaders).load(event.correctedById);
    }

    @FieldResolver(() => Source, { description: 'Where it was published.' })
    source(@Root() event: ReportedEvent, @Ctx() { loaders }: Context): Promise<Source | null> {
      return loaders.source.byId.load(event.sourceId);
    }

    @FieldResolver(() => Person, {
      nullable: true,
      description: 'The person who said it, when a named person did.',
    })
    speaker(
      @Root() event: ReportedEvent,
      @Ctx() { loaders }: Context,
    ): Promise<Person | null> | null {
      return event.speakerId == null ? null : loaders.person.byId.load(event.speakerId);
    }
  }
  Object.defineProperty(ReportedEventResolver, 'name', {
    value: `${eventType.name}SourceResolver`,
  });
  return ReportedEventResolver;
}
