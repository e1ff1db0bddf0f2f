import { Field, ObjectType } from 'type-graphql';
import { Column, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import { NodeEntity } from '../graphql/relay/node';
import { Confidence } from '../source/source.enums';

/**
 * What every dated, sourced event shares (deal status, production status, relation kind, release date,
 * title). Events are appended, never overwritten; a wrong one is retracted and stays in history.
 */
@ObjectType('ReportedEvent')
export abstract class ReportedEvent extends NodeEntity {
  @Field(() => DateScalar, {
    description:
      'The day the change took effect (not the day it was recorded); never later than the day it was recorded.',
  })
  @Column('varchar', { length: 10 })
  effectiveDate!: string;

  @Field(() => Confidence, { description: 'How firm the claim is.' })
  @Column('varchar', { length: 32 })
  confidence!: Confidence;

  @Column('integer')
  sourceId!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The words that were said or printed, verbatim.',
  })
  @Column('text', { nullable: true })
  quote!: string | null;

  @Column('integer', { nullable: true })
  speakerId!: number | null;

  @Field(() => DateTimeScalar, { description: 'When this event was entered into franchise-graph.' })
  @Column('varchar', { length: 30 })
  recordedAt!: string;

  /**
   * Where the recording stood in commit order when the feed read the event tables (see `nextChangeSeq`);
   * 0 since the feed reads `change_log`, which took these numbers over in migration 1765000000000.
   */
  @Column('integer', { default: 0 })
  recordedSeq!: number;

  @Field(() => String, { description: 'Who entered it: the name of the editor key, or "seed".' })
  @Column('varchar', { length: 200 })
  recordedBy!: string;

  @Field(() => Boolean, {
    description: 'True when the event was retracted; it then no longer counts.',
  })
  @Column('boolean')
  retracted!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the event was retracted.' })
  @Column('text', { nullable: true })
  retractionReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the event was retracted.' })
  @Column('varchar', { length: 30, nullable: true })
  retractedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who retracted it: the name of the editor key.',
  })
  @Column('varchar', { length: 200, nullable: true })
  retractedBy!: string | null;

  /** Like `recordedSeq`, for the retraction (null since the feed reads `change_log`). */
  @Column('integer', { nullable: true })
  retractedSeq!: number | null;

  /** The event this one replaced (`correctEvent`); served as `corrects`. */
  @Column('integer', { nullable: true })
  correctsId!: number | null;

  /** The event that replaced this one (`correctEvent`); served as `correctedBy`. */
  @Column('integer', { nullable: true })
  correctedById!: number | null;
}

/** The partial unique index predicate: a report is unique among the events that still count. */
export const NOT_RETRACTED = '"retracted" = false';

/** Event order: by effective date, then by when it was recorded, then by id (insertion order). */
export function compareEvents(
  a: { effectiveDate: string; recordedAt: string; id: number },
  b: { effectiveDate: string; recordedAt: string; id: number },
): number {
  if (a.effectiveDate < b.effectiveDate) return -1;
  if (a.effectiveDate > b.effectiveDate) return 1;
  if (a.recordedAt < b.recordedAt) return -1;
  if (a.recordedAt > b.recordedAt) return 1;
  return a.id - b.id;
}

/**
 * The event in force on `asOf` (or now): the newest non-retracted event with `effectiveDate <= asOf`.
 * `events` must be in history order (oldest first). Null when nothing had happened yet.
 */
export function eventInForce<T extends { effectiveDate: string; retracted: boolean }>(
  events: readonly T[],
  asOf?: string | null,
): T | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (!event.retracted && (asOf == null || event.effectiveDate <= asOf)) return event;
  }
  return null;
}

/**
 * True when something was reported and all of it was retracted: such a credit or relation is left out
 * of current lists (it stays reachable by id and in `history`). A subject with no events at all is
 * not retracted.
 */
export function allRetracted(events: readonly { retracted: boolean }[]): boolean {
  return events.length > 0 && events.every((event) => event.retracted);
}

/** Orders a query of events oldest first, as `history` lists them. */
export function orderByHistory<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
): SelectQueryBuilder<T> {
  return qb
    .orderBy(`${alias}.effectiveDate`, 'ASC')
    .addOrderBy(`${alias}.recordedAt`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC');
}
