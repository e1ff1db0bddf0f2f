import { IsOptional, ValidateNested } from 'class-validator';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Resolver,
} from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { requireRole, viewerOf } from '../auth/auth-checker';
import { ApiKeyRole } from '../auth/roles';
import { AttachmentStatus } from '../credit/credit.enums';
import { checkPrecision, titleSlugOf } from '../film/film-reports';
import { DatePrecision, FilmRelationKind, ProductionStatus } from '../film/film.enums';
import type { ReleaseEvent } from '../film/release-event.entity';
import { parseGlobalId } from '../graphql/relay/global-id';
import type { Context } from '../graphql/context';
import { DateScalar } from '../graphql/scalars';
import { IsName, IsText } from '../graphql/validation';
import { BadUserInputError, NotFoundError } from '../errors';
import { Person } from '../person/person.entity';
import { optionalRow } from '../graphql/lookup';
import { Confidence } from '../source/source.enums';
import { SourceInput } from '../source/source.inputs';
import { checkEffectiveDate, resolveSource } from '../source/source.writes';
import { correctReport, retractReport, type NewEvent } from './report-writes';
import {
  EVENT_TYPES,
  SourcedEvent,
  type AnySourcedEvent,
  type EventTypeName,
} from './sourced-event';

const RETRACTABLE =
  'an AttachmentEvent, ProductionEvent, FilmRelationEvent, ReleaseEvent or TitleEvent';

/** Which input field of `correctEvent` changes the value of which event kind, and its column. */
const VALUE_FIELDS = {
  AttachmentEvent: { field: 'attachmentStatus', column: 'status' },
  ProductionEvent: { field: 'productionStatus', column: 'status' },
  FilmRelationEvent: { field: 'relationKind', column: 'kind' },
  ReleaseEvent: { field: 'releaseDate', column: 'date' },
  TitleEvent: { field: 'title', column: 'title' },
} as const satisfies Record<EventTypeName, { field: keyof CorrectEventInput; column: string }>;

@InputType('CorrectEventInput', {
  description:
    'A correction of a reported event: the event, why, and the fields that were wrong. Omitted fields keep ' +
    'the retracted event’s values.',
})
export class CorrectEventInput {
  @Field(() => ID, {
    description: `The event to correct: ${RETRACTABLE}.`,
  })
  event!: string;

  @Field(() => String, { description: 'Why it is corrected ("the outlet fixed the date").' })
  reason!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The right effective date; never later than today (UTC).',
  })
  effectiveDate?: string | null;

  @Field(() => Confidence, { nullable: true, description: 'The right confidence.' })
  confidence?: Confidence | null;

  @Field(() => SourceInput, {
    nullable: true,
    description: 'The right source; pass this or `sourceId`, or neither to keep the source.',
  })
  @IsOptional()
  @ValidateNested()
  source?: SourceInput | null;

  @Field(() => ID, { nullable: true, description: 'The right source, an existing Source.' })
  sourceId?: string | null;

  @Field(() => String, { nullable: true, description: 'The right quote; null removes it.' })
  @IsText(5000)
  quote?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The right speaker (a Person id); null removes it.',
  })
  speaker?: string | null;

  @Field(() => AttachmentStatus, {
    nullable: true,
    description: 'The right deal status (AttachmentEvent only).',
  })
  attachmentStatus?: AttachmentStatus | null;

  @Field(() => ProductionStatus, {
    nullable: true,
    description: 'The right production status (ProductionEvent only).',
  })
  productionStatus?: ProductionStatus | null;

  @Field(() => FilmRelationKind, {
    nullable: true,
    description: 'The right kind of link (FilmRelationEvent only).',
  })
  relationKind?: FilmRelationKind | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The right release date (ReleaseEvent only); it may be in the future.',
  })
  releaseDate?: string | null;

  @Field(() => DatePrecision, {
    nullable: true,
    description: 'The right precision of the release date (ReleaseEvent only).',
  })
  releasePrecision?: DatePrecision | null;

  @Field(() => String, { nullable: true, description: 'The right title (TitleEvent only).' })
  @IsName(300)
  title?: string | null;
}

@InputType('RetractEventInput', { description: 'A reported event to retract, and why.' })
export class RetractEventInput {
  @Field(() => ID, { description: `The event to retract: ${RETRACTABLE}.` })
  event!: string;

  @Field(() => String, { description: 'Why it is retracted ("the outlet corrected its report").' })
  reason!: string;
}

@ObjectType('RetractEventPayload', { description: 'What retractEvent retracted.' })
export class RetractEventPayload {
  @Field(() => SourcedEvent, {
    description: 'The event, now retracted (with the reason, who and when).',
  })
  event!: AnySourcedEvent;
}

@ObjectType('CorrectEventPayload', { description: 'What correctEvent retracted and recorded.' })
export class CorrectEventPayload {
  @Field(() => SourcedEvent, { description: 'The event that was wrong, now retracted.' })
  corrected!: AnySourcedEvent;

  @Field(() => SourcedEvent, { description: 'The event recorded in its place.' })
  event!: AnySourcedEvent;
}

function eventKindOf(id: string, field: string): { type: EventTypeName; id: number } {
  const parsed = parseGlobalId(id);
  if (!parsed || !(parsed.type in EVENT_TYPES)) {
    throw new BadUserInputError(`"${field}" must be the id of ${RETRACTABLE}.`, field);
  }
  return { type: parsed.type as EventTypeName, id: parsed.id };
}

function reasonOf(reason: string, field: string): string {
  const why = reason.trim();
  if (why === '' || why.length > 2000) {
    throw new BadUserInputError(`"${field}" must hold 1 to 2000 characters.`, field);
  }
  return why;
}

/** Refuses a value field of another event kind than the corrected event's. */
function checkValueField(type: EventTypeName, input: CorrectEventInput): void {
  for (const [other, { field }] of Object.entries(VALUE_FIELDS)) {
    if (other !== type && input[field] != null) {
      throw new BadUserInputError(
        `"input.${field}" is for a ${other}; this is a ${type}: use "input.${VALUE_FIELDS[type].field}".`,
        `input.${field}`,
      );
    }
  }
  if (type !== 'ReleaseEvent' && input.releasePrecision != null) {
    throw new BadUserInputError(
      `"input.releasePrecision" is for a ReleaseEvent; this is a ${type}.`,
      'input.releasePrecision',
    );
  }
}

/** The event to retract or correct; editors may change only what their own key recorded. */
async function eventToChange(
  manager: EntityManager,
  context: Context,
  kind: { type: EventTypeName; id: number },
  field: string,
  action: string,
): Promise<AnySourcedEvent> {
  const event = await manager
    .getRepository<AnySourcedEvent>(EVENT_TYPES[kind.type])
    .findOneBy({ id: kind.id });
  if (!event) throw new NotFoundError(`"${field}": there is no ${kind.type} with this id.`, field);
  if (event.recordedBy !== viewerOf(context).name) {
    requireRole(context, ApiKeyRole.ADMIN, `${action} an event recorded by another key`);
  }
  return event;
}

/** The corrected event's columns: the old event's, with what the input changes. */
async function correctedColumns(
  manager: EntityManager,
  type: EventTypeName,
  old: AnySourcedEvent,
  input: CorrectEventInput,
  recordedBy: string,
): Promise<NewEvent> {
  const value = VALUE_FIELDS[type];
  checkEffectiveDate(input.effectiveDate, 'input.effectiveDate');
  const hasSource = input.source != null || input.sourceId != null;
  const sourceId = hasSource ? (await resolveSource(manager, input, 'input')).id : old.sourceId;
  const speakerId =
    input.speaker === undefined
      ? old.speakerId
      : ((await optionalRow(manager, Person, input.speaker, 'input.speaker'))?.id ?? null);
  const rest = Object.fromEntries(
    Object.entries(old).filter(([column]) => !NOT_COPIED.has(column)),
  );
  return {
    ...rest,
    [value.column]: input[value.field] ?? (old as unknown as Record<string, unknown>)[value.column],
    ...valueDetails(type, old, input),
    effectiveDate: input.effectiveDate ?? old.effectiveDate,
    confidence: input.confidence ?? old.confidence,
    quote: input.quote === undefined ? old.quote : input.quote,
    sourceId,
    speakerId,
    recordedAt: new Date().toISOString(),
    recordedBy,
    retracted: false,
    retractionReason: null,
    retractedAt: null,
    retractedBy: null,
  } as NewEvent;
}

/** What goes with a corrected value: a release date's precision, a title's slug. */
function valueDetails(
  type: EventTypeName,
  old: AnySourcedEvent,
  input: CorrectEventInput,
): Record<string, unknown> {
  if (type === 'ReleaseEvent') {
    const release = old as ReleaseEvent;
    const date = input.releaseDate ?? release.date;
    const precision = input.releasePrecision ?? release.precision;
    checkPrecision(date, precision, 'input.releaseDate', 'input.releasePrecision');
    return { precision };
  }
  if (type === 'TitleEvent' && input.title != null) {
    const title = input.title.trim();
    return { title, slug: titleSlugOf(title, 'input.title') };
  }
  return {};
}

/** Columns a correction never copies from the event it replaces. */
const NOT_COPIED = new Set([
  'id',
  'recordedSeq',
  'retractedSeq',
  'correctsId',
  'correctedById',
  'credit',
  'film',
  'relation',
  'source',
  'speaker',
]);

@Resolver()
export class EventMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => RetractEventPayload, {
    description:
      'Retracts a reported event (deal status, production status, relation, release or title): it no longer ' +
      'counts for any status, date or title, but stays in its history, marked retracted ' +
      'with the reason. Editors may retract what their own key recorded; anything else needs an admin key. ' +
      'Retracting an event that is already retracted changes nothing.',
  })
  retractEvent(
    @Ctx() context: Context,
    @Arg('input', () => RetractEventInput, { description: 'The event and why.' })
    input: RetractEventInput,
  ): Promise<RetractEventPayload> {
    const kind = eventKindOf(input.event, 'input.event');
    const why = reasonOf(input.reason, 'input.reason');
    const viewer = viewerOf(context);
    return context.write(async (manager) => {
      const event = await eventToChange(manager, context, kind, 'input.event', 'Retracting');
      if (!event.retracted) {
        await retractReport(manager, kind.type, event.id, { reason: why, by: viewer.name });
      }
      return {
        event: await manager
          .getRepository<AnySourcedEvent>(EVENT_TYPES[kind.type])
          .findOneByOrFail({ id: event.id }),
      };
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => CorrectEventPayload, {
    description:
      'Corrects a reported event in one step: retracts it (with the reason) and records the corrected event, ' +
      'which links to it (`corrects` / `correctedBy`). Both appear in `history` and in `changes`. The same ' +
      'permissions as retractEvent; an event already retracted cannot be corrected (BAD_USER_INPUT).',
  })
  correctEvent(
    @Ctx() context: Context,
    @Arg('input', () => CorrectEventInput, { description: 'The correction.' })
    input: CorrectEventInput,
  ): Promise<CorrectEventPayload> {
    const kind = eventKindOf(input.event, 'input.event');
    checkValueField(kind.type, input);
    const why = reasonOf(input.reason, 'input.reason');
    const viewer = viewerOf(context);
    return context.write(async (manager) => {
      const old = await eventToChange(manager, context, kind, 'input.event', 'Correcting');
      const alreadyRetracted = () =>
        new BadUserInputError(
          '"input.event" is retracted already (or was corrected by someone else first): correct the event ' +
            'that is in force, or record a new report.',
          'input.event',
        );
      if (old.retracted) throw alreadyRetracted();
      const columns = await correctedColumns(manager, kind.type, old, input, viewer.name);
      // REPORT_CONFLICT when the corrected report matches another event in force with other details.
      const event = await correctReport(manager, kind.type, old, columns, {
        reason: why,
        by: viewer.name,
      });
      if (!event) throw alreadyRetracted();
      const repository = manager.getRepository<AnySourcedEvent>(EVENT_TYPES[kind.type]);
      return { corrected: await repository.findOneByOrFail({ id: old.id }), event };
    });
  }
}
