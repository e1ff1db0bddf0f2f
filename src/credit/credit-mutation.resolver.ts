import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { viewerOf } from '../auth/auth-checker';
import { ApiKeyRole } from '../auth/roles';
import { changedColumns, trimmed } from '../graphql/input-fields';
import { entityOfRow, insertReturningRow, updateVersioned } from '../db/writes';
import { requireRow } from '../graphql/lookup';
import { localIdOf } from '../graphql/relay/global-id';
import { Character } from '../character/character.entity';
import type { Context } from '../graphql/context';
import { BadUserInputError, NotFoundError } from '../errors';
import { Film } from '../film/film.entity';
import { Person } from '../person/person.entity';
import { ChangeKind, logged } from '../events/change-log';
import { recordReport } from '../events/report-writes';
import { Source } from '../source/source.entity';
import { reportWithSource } from '../source/source.writes';
import { AttachmentEvent } from './attachment-event.entity';
import { Credit, creditIdentityKey } from './credit.entity';
import { CreditRole } from './credit.enums';
import { RecordAttachmentInput, UpdateCreditInput } from './credit.inputs';
import { createPayloadType } from '../graphql/payload';

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

  @Field(() => Source, {
    description:
      'The source as stored: a reused source keeps its first title and date, which this shows.',
  })
  source!: Source;

  @Field(() => Boolean, {
    description:
      'True when this exact report (same credit, status, effective date, source and details) was already ' +
      'recorded and not retracted: nothing was written and `event` is the earlier one.',
  })
  duplicate!: boolean;
}

/** Only a CAST credit plays someone. */
export function checkCharacterRole(role: CreditRole, hasCharacter: boolean, field: string): void {
  if (hasCharacter && role !== CreditRole.CAST) {
    throw new BadUserInputError(
      `"${field}": only a CAST credit has a character, and this one is ${role}: leave the character out, ` +
        'or record the role as CAST.',
      field,
    );
  }
}

function notFound(field: string, type: string): NotFoundError {
  return new NotFoundError(`"${field}": there is no ${type} with this id.`, field);
}

/**
 * In one statement: whether the film and the person exist, and the credit of `identityKey` if there is
 * one (a report on a known credit, the usual case, then reads nothing more before its insert).
 */
async function lookUpCredit(
  manager: EntityManager,
  filmId: number,
  personId: number,
  identityKey: string,
): Promise<{ film: boolean; person: boolean; credit: Credit | null }> {
  const table = (entity: new () => unknown) => manager.connection.getMetadata(entity).tableName;
  const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT (SELECT "id" FROM "${table(Film)}" WHERE "id" = :filmId) AS "knownFilm",
       (SELECT "id" FROM "${table(Person)}" WHERE "id" = :personId) AS "knownPerson", "credit".*
     FROM (SELECT 1 AS "probe") AS "probe"
     LEFT JOIN "${table(Credit)}" AS "credit" ON "credit"."identityKey" = :identityKey`,
    { filmId, personId, identityKey },
  );
  const [row] = (await manager.query(sql, parameters)) as Record<string, unknown>[];
  return {
    film: row.knownFilm != null,
    person: row.knownPerson != null,
    credit: row.id == null ? null : entityOfRow(manager, Credit, row),
  };
}

/**
 * The credit a report names: `credit`, or film + person + role (+ character), found or created through
 * the unique identity key, so two first reports of a credit arriving at once end with one credit.
 * `job` and `billingOrder` are set on a new credit, and on an existing one only where it has none.
 */
async function creditOfReport(
  manager: EntityManager,
  input: RecordAttachmentInput,
): Promise<{ credit: Credit; change: ChangeKind | null }> {
  const job = trimmed(input.job);
  const billingOrder = input.billingOrder ?? null;
  const repository = manager.getRepository(Credit);
  let credit: Credit;
  if (input.credit != null) {
    for (const field of ['film', 'person', 'role', 'character'] as const) {
      if (input[field] != null) {
        throw new BadUserInputError(
          `Pass "input.credit" or "input.${field}", not both: a credit already names its ${field}.`,
          `input.${field}`,
        );
      }
    }
    credit = await requireRow(manager, Credit, input.credit, 'input.credit');
  } else {
    for (const field of ['film', 'person', 'role'] as const) {
      if (input[field] == null) {
        throw new BadUserInputError(
          `"input.${field}" is required when "input.credit" is not given.`,
          `input.${field}`,
        );
      }
    }
    const identity = {
      filmId: localIdOf('Film', input.film!, 'input.film'),
      personId: localIdOf('Person', input.person!, 'input.person'),
      role: input.role!,
      characterId:
        input.character == null ? null : localIdOf('Character', input.character, 'input.character'),
    };
    const identityKey = creditIdentityKey(identity);
    const known = await lookUpCredit(manager, identity.filmId, identity.personId, identityKey);
    if (!known.film) throw notFound('input.film', 'Film');
    if (!known.person) throw notFound('input.person', 'Person');
    if (identity.characterId != null) {
      await requireRow(manager, Character, input.character!, 'input.character');
    }
    checkCharacterRole(input.role!, identity.characterId != null, 'input.character');
    if (known.credit) credit = known.credit;
    else {
      // A new credit comes back from its INSERT; one a concurrent report created first is read.
      const created = await insertReturningRow(
        manager,
        Credit,
        { ...identity, identityKey, job, billingOrder, version: 1 },
        ['identityKey'],
      );
      if (created !== null) return { credit: created, change: ChangeKind.CREATED };
      credit = await repository.findOneByOrFail({ identityKey });
    }
  }
  const filled: Partial<Credit> = {};
  if (credit.job == null && job != null) filled.job = job;
  if (credit.billingOrder == null && billingOrder != null) filled.billingOrder = billingOrder;
  if (Object.keys(filled).length === 0) return { credit, change: null };
  await manager
    .createQueryBuilder()
    .update(Credit)
    .set({ ...filled, version: () => 'version + 1' })
    .where('id = :id', { id: credit.id })
    .execute();
  return {
    credit: await repository.findOneByOrFail({ id: credit.id }),
    change: ChangeKind.UPDATED,
  };
}

const UpdateCreditPayload = createPayloadType('UpdateCreditPayload', 'What updateCredit changed.', {
  credit: { type: () => Credit, description: 'The credit as it now stands.' },
});

@Resolver()
export class CreditMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => RecordAttachmentPayload, {
    description:
      'Records a report of a person’s attachment to a film (who said what, where and when). Creates the credit ' +
      'when needed, reuses a source with the same URL (or, without URL, the same outlet, title and date), and ' +
      'appends an event to the credit’s history. Sending the same report again writes nothing and returns the ' +
      'same event; the same report with other details is REPORT_CONFLICT. Needs an editor key.',
  })
  recordAttachment(
    @Ctx() context: Context,
    @Arg('input', () => RecordAttachmentInput, { description: 'The report.' })
    input: RecordAttachmentInput,
  ): Promise<RecordAttachmentPayload> {
    return context.write(async (manager) => {
      const viewer = viewerOf(context);
      // The report's instant is taken first, as it is entered, before any wait for the credit's row.
      const { report, source } = await reportWithSource(manager, input, viewer);
      const { credit, change } = await creditOfReport(manager, input);
      const { event, duplicate } = await recordReport<AttachmentEvent>(
        manager,
        'AttachmentEvent',
        { ...report, creditId: credit.id, status: input.status },
        change ? [{ kind: change, subject: credit, by: viewer.name }] : [],
      );
      // The source is part of the report's key: a duplicate's is the same one.
      return { credit, event, source, duplicate };
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => UpdateCreditPayload, {
    description:
      'Changes a credit’s job or billing order, if nobody changed it since `expectedVersion`. Needs an editor key.',
  })
  updateCredit(
    @Ctx() context: Context,
    @Arg('input', () => UpdateCreditInput, { description: 'The changes.' })
    input: UpdateCreditInput,
  ): Promise<{ credit: Credit }> {
    const id = localIdOf('Credit', input.id, 'input.id');
    return context.write(async (manager) => ({
      credit: await logged(
        manager,
        ChangeKind.UPDATED,
        viewerOf(context).name,
        await updateVersioned(
          manager,
          Credit,
          id,
          input.expectedVersion,
          changedColumns(input, ['job', 'billingOrder']) as Partial<Credit>,
        ),
      ),
    }));
  }
}
