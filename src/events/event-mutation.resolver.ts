import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireRole, viewerOf } from '../auth/auth-checker';
import { ApiKeyRole } from '../auth/roles';
import { parseGlobalId } from '../graphql/relay/global-id';
import type { Context } from '../graphql/context';
import { BadUserInputError, NotFoundError } from '../errors';
import type { EntityManager } from 'typeorm';
import { refreshReleaseDate, refreshTitle } from '../film/film-reports';
import { Film } from '../film/film.entity';
import type { ReleaseEvent } from '../film/release-event.entity';
import type { TitleEvent } from '../film/title-event.entity';
import { ChangeKind, recordChange } from './change-log';
import {
  EVENT_TYPES,
  SourcedEvent,
  type AnySourcedEvent,
  type EventTypeName,
} from './sourced-event';

/** The values cached from an event type's events, recomputed in the retraction's transaction. */
const AFTER_RETRACTION: Partial<
  Record<EventTypeName, (manager: EntityManager, event: AnySourcedEvent) => Promise<void>>
> = {
  ReleaseEvent: (manager, event) => refreshReleaseDate(manager, (event as ReleaseEvent).filmId),
  TitleEvent: async (manager, event) =>
    refreshTitle(
      manager,
      await manager.getRepository(Film).findOneByOrFail({ id: (event as TitleEvent).filmId }),
    ),
};

const RETRACTABLE =
  'an AttachmentEvent, ProductionEvent, FilmRelationEvent, ReleaseEvent or TitleEvent';

@Resolver()
export class EventMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => SourcedEvent, {
    description:
      'Retracts a reported event (deal status, production status, relation, release or title): it no longer ' +
      'counts for any status, date or title, but stays in its history, marked retracted ' +
      'with the reason. Editors may retract what their own key recorded; anything else needs an admin key. ' +
      'Retracting an event that is already retracted changes nothing.',
  })
  retractEvent(
    @Ctx() context: Context,
    @Arg('id', () => ID, {
      description: `The event to retract: ${RETRACTABLE}.`,
    })
    id: string,
    @Arg('reason', () => String, {
      description: 'Why it is retracted ("the outlet corrected its report").',
    })
    reason: string,
  ): Promise<AnySourcedEvent> {
    const parsed = parseGlobalId(id);
    if (!parsed || !(parsed.type in EVENT_TYPES)) {
      throw new BadUserInputError(`"id" must be the id of ${RETRACTABLE}.`, 'id');
    }
    const why = reason.trim();
    if (why === '' || why.length > 2000) {
      throw new BadUserInputError('"reason" must hold 1 to 2000 characters.', 'reason');
    }
    const entity = EVENT_TYPES[parsed.type as EventTypeName];
    const viewer = viewerOf(context);
    return context.write(async (manager) => {
      const repository = manager.getRepository<AnySourcedEvent>(entity);
      const event = await repository.findOneBy({ id: parsed.id });
      if (!event) throw new NotFoundError(`"id": there is no ${parsed.type} with this id.`, 'id');
      if (event.recordedBy !== viewer.name) {
        requireRole(context, ApiKeyRole.ADMIN, 'Retracting an event recorded by another key');
      }
      if (event.retracted) return event;
      await manager
        .createQueryBuilder()
        .update(entity)
        .set({
          retracted: true,
          retractionReason: why,
          retractedAt: new Date().toISOString(),
          retractedBy: viewer.name,
        })
        .where('id = :id AND retracted = :no', { id: event.id, no: false })
        .execute();
      const retracted = await repository.findOneByOrFail({ id: event.id });
      await AFTER_RETRACTION[parsed.type as EventTypeName]?.(manager, retracted);
      await recordChange(manager, {
        kind: ChangeKind.RETRACTED,
        subject: retracted,
        by: viewer.name,
      });
      return retracted;
    });
  }
}
