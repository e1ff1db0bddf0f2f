import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { IsNull } from 'typeorm';
import { viewerOf } from '../auth/auth-checker';
import { ApiKeyRole } from '../auth/roles';
import { runInTransaction } from '../common/transactions';
import { trimmed } from '../common/writes-fields';
import { optionalRow, requireRow } from '../common/writes';
import { Character } from '../character/character.entity';
import type { Context } from '../context';
import { Film } from '../film/film.entity';
import { Person } from '../person/person.entity';
import { reportColumns } from '../source/source.writes';
import { AttachmentEvent } from './attachment-event.entity';
import { Credit } from './credit.entity';
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
    return runInTransaction(context, async (manager) => {
      const film = await requireRow(manager, Film, 'Film', input.film, 'input.film');
      const person = await requireRow(manager, Person, 'Person', input.person, 'input.person');
      const character = await optionalRow(
        manager,
        Character,
        'Character',
        input.character,
        'input.character',
      );
      const report = await reportColumns(manager, input, viewerOf(context));
      const job = trimmed(input.job);
      const credits = manager.getRepository(Credit);
      const identity = {
        filmId: film.id,
        personId: person.id,
        role: input.role,
        job,
        characterId: character?.id ?? null,
      };
      const credit =
        (await credits.findOneBy({
          ...identity,
          job: job ?? IsNull(),
          characterId: identity.characterId ?? IsNull(),
        })) ?? (await credits.save(credits.create({ ...identity, billingOrder: null })));

      const events = manager.getRepository(AttachmentEvent);
      const reportKey = {
        creditId: credit.id,
        status: input.status,
        effectiveDate: input.effectiveDate,
        sourceId: report.sourceId,
      };
      const earlier = await events.findOneBy(reportKey);
      if (earlier) return { credit, event: earlier, duplicate: true };
      // The unique index UQ_attachment_event_report is what keeps a report single when two arrive at
      // once (on PostgreSQL the other transaction's insert waits, then is ignored): not the read above.
      await manager
        .createQueryBuilder()
        .insert()
        .into(AttachmentEvent)
        .values({ ...report, ...reportKey })
        .orUpdate([], ['creditId', 'status', 'effectiveDate', 'sourceId']) // ON CONFLICT (the report) DO NOTHING
        .updateEntity(false)
        .execute();
      return { credit, event: await events.findOneByOrFail(reportKey), duplicate: false };
    });
  }
}
