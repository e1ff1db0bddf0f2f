import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireRole, viewerOf } from '../auth/auth-checker';
import { ApiKeyRole } from '../auth/roles';
import { parseGlobalId } from '../graphql/relay/global-id';
import type { Context } from '../graphql/context';
import { BadUserInputError, NotFoundError } from '../errors';
import { nextChangeSeq } from './change-sequence';
import {
  EVENT_TYPES,
  SourcedEvent,
  type AnySourcedEvent,
  type EventTypeName,
} from './sourced-event';

@Resolver()
export class EventMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => SourcedEvent, {
    description:
      'Retracts a reported event: it no longer counts for any status, but stays in `history`, marked retracted ' +
      'with the reason. Editors may retract what their own key recorded; anything else needs an admin key. ' +
      'Retracting an event that is already retracted changes nothing.',
  })
  retractEvent(
    @Ctx() context: Context,
    @Arg('id', () => ID, {
      description: 'The AttachmentEvent, ProductionEvent or FilmRelationEvent to retract.',
    })
    id: string,
    @Arg('reason', () => String, {
      description: 'Why it is retracted ("the outlet corrected its report").',
    })
    reason: string,
  ): Promise<AnySourcedEvent> {
    const parsed = parseGlobalId(id);
    if (!parsed || !(parsed.type in EVENT_TYPES)) {
      throw new BadUserInputError(
        '"id" must be the id of an AttachmentEvent, ProductionEvent or FilmRelationEvent.',
        'id',
      );
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
      const retractedSeq = await nextChangeSeq(manager);
      await manager
        .createQueryBuilder()
        .update(entity)
        .set({
          retracted: true,
          retractionReason: why,
          retractedAt: new Date().toISOString(),
          retractedBy: viewer.name,
          retractedSeq,
        })
        .where('id = :id AND retracted = :no', { id: event.id, no: false })
        .execute();
      return repository.findOneByOrFail({ id: event.id });
    });
  }
}
