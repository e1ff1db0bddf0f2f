import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { viewerOf } from '../auth/auth-checker';
import { ApiKeyRole } from '../auth/roles';
import { trimmed } from '../graphql/input-fields';
import { insertIfAbsent } from '../db/writes';
import { optionalRow, requireRow } from '../graphql/lookup';
import { Character } from '../character/character.entity';
import type { Context } from '../graphql/context';
import { Film } from '../film/film.entity';
import { Person } from '../person/person.entity';
import { ChangeKind, recordChange } from '../events/change-log';
import { reportColumns } from '../source/source.writes';
import { AttachmentEvent } from './attachment-event.entity';
import { Credit, creditIdentityKey } from './credit.entity';
import { RecordAttachmentInput } from './credit.inputs';

@ObjectType('RecordAttachmentPayload', {
  description: 'What recordAttachment recorded (or found already recorded).',
})
export class RecordAttachmentPayload {
  @Field(() => Credit, {
    description: 'The credit the report is about (created by this report if it was new).',
  })
  credit!: Credit;

  @Field(() => AttachmentEvent, {
    description: 'The event in the credit’s history that holds this report.',
  })
  event!: AttachmentEvent;

  @Field(() => Boolean, {
    description:
      'True when this exact report (same credit, status, effective date and source) was already recorded: ' +
      'nothing was written and `event` is the earlier one.',
  })
  duplicate!: boolean;
}

@Resolver()
export class CreditMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => RecordAttachmentPayload, {
    description:
      'Records a report of a person’s attachment to a film (who said what, where and when). Creates the credit ' +
      'when needed, reuses a source with the same URL, and appends an event to the credit’s history. Sending ' +
      'the same report again writes nothing and returns the same event. Needs an editor key.',
  })
  recordAttachment(
    @Ctx() context: Context,
    @Arg('input', () => RecordAttachmentInput, { description: 'The report.' })
    input: RecordAttachmentInput,
  ): Promise<RecordAttachmentPayload> {
    return context.write(async (manager) => {
      const film = await requireRow(manager, Film, input.film, 'input.film');
      const person = await requireRow(manager, Person, input.person, 'input.person');
      const character = await optionalRow(manager, Character, input.character, 'input.character');
      const viewer = viewerOf(context);
      const report = await reportColumns(manager, input, viewer);
      const job = trimmed(input.job);
      const identity = {
        filmId: film.id,
        personId: person.id,
        role: input.role,
        job,
        characterId: character?.id ?? null,
      };
      // Found or created through the unique identity key, so two first reports of a credit arriving at
      // once (two servers, or two connections of one) end with one credit.
      const identityKey = creditIdentityKey(identity);
      const created = await insertIfAbsent(
        manager,
        Credit,
        { ...identity, identityKey, billingOrder: null },
        ['identityKey'],
      );
      const credit = await manager.getRepository(Credit).findOneByOrFail({ identityKey });

      const events = manager.getRepository(AttachmentEvent);
      const reportKey = {
        creditId: credit.id,
        status: input.status,
        effectiveDate: input.effectiveDate,
        sourceId: report.sourceId,
      };
      const earlier = await events.findOneBy(reportKey);
      if (earlier) return { credit, event: earlier, duplicate: true };
      // The read above only spares the common repeat a trip to the index. Under a race both writers
      // pass it; the unique index UQ_attachment_event_report then decides: the second insert waits for
      // the first to commit and does nothing, and that writer reports a duplicate.
      const inserted = await insertIfAbsent(manager, AttachmentEvent, { ...report, ...reportKey }, [
        'creditId',
        'status',
        'effectiveDate',
        'sourceId',
      ]);
      const event = await events.findOneByOrFail(reportKey);
      if (inserted === null) return { credit, event, duplicate: true };
      if (created !== null) {
        await recordChange(manager, { kind: ChangeKind.CREATED, subject: credit, by: viewer.name });
      }
      await recordChange(manager, { kind: ChangeKind.RECORDED, subject: event, by: viewer.name });
      return { credit, event, duplicate: false };
    });
  }
}
