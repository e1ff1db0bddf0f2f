import { IsNull, type EntityManager } from 'typeorm';
import { AttachmentEvent } from '../credit/attachment-event.entity';
import { ReportConflictError } from '../errors';
import { refreshReleaseDate, refreshTitle } from '../film/film-reports';
import { FilmRelationEvent } from '../film/film-relation.entity';
import { ProductionEvent } from '../film/production-event.entity';
import { ReleaseEvent } from '../film/release-event.entity';
import { TitleEvent } from '../film/title-event.entity';
import { toGlobalId } from '../graphql/relay/global-id';
import type { NodeEntity } from '../graphql/relay/node';
import { ChangeKind, recordChange, type ChangeInput } from './change-log';
import { entityOfRow } from '../db/writes';
import { NOT_RETRACTED, type ReportedEvent } from './reported-event';

/** What a kind's report keys, and what else it may do in the write's transaction. */
interface ReportKind {
  readonly entity: new () => ReportedEvent;
  /** The subject and value columns; with effectiveDate and sourceId, the report's identity. */
  readonly key: readonly string[];
  /** Columns that, besides DETAILS, must agree for a resent report to be a duplicate. */
  readonly details?: readonly string[];
  /** Recomputes what the film caches from this kind's events (before the change is logged). */
  readonly refresh?: (manager: EntityManager, event: ReportedEvent) => Promise<void>;
}

/**
 * What makes two events of one kind "the same report": the subject and value columns named here, plus
 * `effectiveDate` and `sourceId`. The key is unique among non-retracted events (a partial unique index
 * `UQ_<table>_report`), so a retracted report can be recorded again. A new event kind plugs in with
 * one line here and that index (and one more per key column that may be null, see `storeReport`).
 */
export const REPORT_KEYS = {
  AttachmentEvent: { entity: AttachmentEvent, key: ['creditId', 'status'] },
  ProductionEvent: { entity: ProductionEvent, key: ['filmId', 'status'] },
  FilmRelationEvent: { entity: FilmRelationEvent, key: ['relationId', 'kind'] },
  ReleaseEvent: {
    entity: ReleaseEvent,
    key: ['filmId', 'kind', 'country', 'date', 'precision'],
    details: ['place', 'companyId'],
    refresh: (manager, event) => refreshReleaseDate(manager, (event as ReleaseEvent).filmId),
  },
  TitleEvent: {
    entity: TitleEvent,
    key: ['filmId', 'title'],
    refresh: (manager, event) => refreshTitle(manager, (event as TitleEvent).filmId),
  },
} as const satisfies Record<string, ReportKind>;

export type ReportKindName = keyof typeof REPORT_KEYS;

/** The details that must agree for a resent report to be a duplicate rather than a conflict. */
const DETAILS = ['confidence', 'quote', 'speakerId'] as const;

/** The columns of a report key for one kind: its subject and value, the day and the source. */
export function reportKeyColumns(kind: ReportKindName): string[] {
  return [...REPORT_KEYS[kind].key, 'effectiveDate', 'sourceId'];
}

/** An event's columns before it is stored; `correctsId` only for a correction. */
export type NewEvent = Omit<
  ReportedEvent,
  keyof NodeEntity | 'recordedSeq' | 'retractedSeq' | 'correctsId' | 'correctedById'
> & { correctsId?: number | null } & Record<string, unknown>;

/** The kind's report key of `values`, as a `findOneBy` condition (a null column must be null). */
function keyCondition(kind: ReportKindName, values: Record<string, unknown>) {
  return Object.fromEntries(
    reportKeyColumns(kind).map((column) => [column, values[column] ?? IsNull()]),
  );
}

/**
 * Records a report once among the events that count, refreshes what the film caches from it, and
 * lists it in `changes`. The same key with the same details returns the stored event (`duplicate`);
 * with other details it is REPORT_CONFLICT, naming what differs. The partial unique index decides
 * under a race: the second insert waits for the first to commit, does nothing, and the stored event
 * is compared as if it had been found first.
 *
 * `before` are the caller's own writes of the transaction (the credit a report created), listed
 * ahead of the report, duplicate or not. They are logged here, after the insert: a writer holding
 * the feed counter must not wait for the report's index entry (see `nextChangeSeq`).
 */
export async function recordReport<T extends ReportedEvent>(
  manager: EntityManager,
  kind: ReportKindName,
  values: NewEvent,
  before: readonly ChangeInput[] = [],
): Promise<{ event: T; duplicate: boolean }> {
  const stored = await storeReport<T>(manager, kind, values);
  if (!stored.duplicate) await refreshCaches(manager, kind, stored.event);
  for (const change of before) await recordChange(manager, change);
  if (!stored.duplicate) {
    const { event } = stored;
    await recordChange(manager, {
      kind: ChangeKind.RECORDED,
      subject: event,
      by: event.recordedBy,
    });
  }
  return stored;
}

/** `recordReport` without the cache refresh and the feed entry (see `correctReport`). */
async function storeReport<T extends ReportedEvent>(
  manager: EntityManager,
  kind: ReportKindName,
  values: NewEvent,
): Promise<{ event: T; duplicate: boolean }> {
  const { entity } = REPORT_KEYS[kind];
  const columns = reportKeyColumns(kind);
  const repository = manager.getRepository<T>(entity as never);
  const findStored = () =>
    repository.findOneBy({ ...keyCondition(kind, values), retracted: false } as never);

  // The insert comes first and the partial unique index decides: a new report is one statement (its
  // row comes back from RETURNING); only a report already stored is read, to compare its details.
  const [sql, parameters] = manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(values as never)
    .updateEntity(false)
    .getQueryAndParameters();
  // ON CONFLICT names the partial index by its columns and predicate (TypeORM writes the predicate for
  // PostgreSQL only; SQLite accepts the same clause). NULL never equals NULL in a unique index, so a key
  // column that may be null (a worldwide release's country) has an index of its own without it, whose
  // predicate adds `IS NULL`: a key with a null column names that one.
  const target = columns
    .filter((column) => values[column] != null)
    .map((column) => `"${column}"`)
    .join(', ');
  const predicate = [
    NOT_RETRACTED,
    ...columns.filter((column) => values[column] == null).map((column) => `"${column}" IS NULL`),
  ].join(' AND ');
  const result = await manager.queryRunner!.query(
    `${sql} ON CONFLICT (${target}) WHERE ${predicate} DO NOTHING RETURNING *`,
    parameters,
    true,
  );
  const row = (result.records as Record<string, unknown>[] | undefined)?.[0];
  if (row !== undefined) {
    return { event: entityOfRow(manager, entity as never, row) as T, duplicate: false };
  }
  const stored = await findStored();
  if (!stored) throw new Error(`the stored ${kind} the insert gave way to is missing`);
  return { event: sameReportOrConflict(kind, stored, values), duplicate: true };
}

/** Refreshes the film's cached values from the kind's events, then lists the change in the feed. */
async function logReport(
  manager: EntityManager,
  kind: ReportKindName,
  event: ReportedEvent,
  change: ChangeKind.RECORDED | ChangeKind.RETRACTED,
): Promise<void> {
  await refreshCaches(manager, kind, event);
  await recordChange(manager, { kind: change, subject: event, by: byOf(event, change) });
}

function refreshCaches(manager: EntityManager, kind: ReportKindName, event: ReportedEvent) {
  return (REPORT_KEYS[kind] as ReportKind).refresh?.(manager, event);
}

function byOf(event: ReportedEvent, change: ChangeKind): string {
  return change === ChangeKind.RETRACTED ? (event.retractedBy ?? '') : event.recordedBy;
}

function sameReportOrConflict<T extends ReportedEvent>(
  kind: ReportKindName,
  stored: T,
  values: NewEvent,
): T {
  const details = [...DETAILS, ...((REPORT_KEYS[kind] as ReportKind).details ?? [])];
  const storedValues = stored as unknown as Record<string, unknown>;
  const differing = details.filter(
    (detail) => (storedValues[detail] ?? null) !== (values[detail] ?? null),
  );
  if (differing.length === 0) return stored;
  const described = differing
    .map(
      (detail) =>
        `${detail} ${JSON.stringify(storedValues[detail])} is stored, ${JSON.stringify(values[detail])} was sent`,
    )
    .join('; ');
  throw new ReportConflictError(
    `This report (same subject, value, effective date and source) is already recorded with other details: ` +
      `${described}. To replace the stored event, use correctEvent with its id (extensions.existingEvent).`,
    toGlobalId(kind, stored.id),
  );
}

/** Who retracts an event, and why. */
export interface Retraction {
  readonly reason: string;
  readonly by: string;
}

/**
 * Marks events retracted, without the feed entries. Returns those it retracted: not those retracted
 * already (by someone else first, under a race: the UPDATE waits for that writer and then matches
 * no row).
 */
export async function markRetracted<T extends ReportedEvent>(
  manager: EntityManager,
  kind: ReportKindName,
  ids: readonly number[],
  retraction: Retraction,
): Promise<T[]> {
  if (ids.length === 0) return [];
  const { entity } = REPORT_KEYS[kind];
  const retractedAt = new Date().toISOString();
  await manager
    .createQueryBuilder()
    .update(entity)
    .set({
      retracted: true,
      retractionReason: retraction.reason,
      retractedAt,
      retractedBy: retraction.by,
    })
    .where('id IN (:...ids) AND retracted = :no', { ids, no: false })
    .execute();
  // This transaction's rows now: the ones it retracted carry its instant.
  return (
    await manager.getRepository<T>(entity as never).findBy(ids.map((id) => ({ id })) as never)
  ).filter((event) => event.retracted && event.retractedAt === retractedAt);
}

/**
 * Marks an event retracted, refreshes what the film caches and lists it in `changes`. Null when it
 * was retracted already.
 */
export async function retractReport<T extends ReportedEvent>(
  manager: EntityManager,
  kind: ReportKindName,
  id: number,
  retraction: Retraction,
): Promise<T | null> {
  const [event] = await markRetracted<T>(manager, kind, [id], retraction);
  if (!event) return null;
  await logReport(manager, kind, event, ChangeKind.RETRACTED);
  return event;
}

/** Lists retractions already made (by `markRetracted`) in `changes`, after refreshing the film's caches. */
export async function logRetractions(
  manager: EntityManager,
  kind: ReportKindName,
  events: readonly ReportedEvent[],
): Promise<void> {
  for (const event of events) await logReport(manager, kind, event, ChangeKind.RETRACTED);
}

/**
 * Retracts `old` and records `corrected` in its place, linked both ways (`corrects` / `correctedBy`).
 * Run inside one write transaction: either both happen or neither. Null when `old` was retracted
 * first by someone else.
 */
export async function correctReport<T extends ReportedEvent>(
  manager: EntityManager,
  kind: ReportKindName,
  old: T,
  corrected: NewEvent,
  retraction: Retraction,
): Promise<T | null> {
  const [retracted] = await markRetracted<T>(manager, kind, [old.id], retraction);
  if (!retracted) return null;
  const { event, duplicate } = await storeReport<T>(manager, kind, {
    ...corrected,
    correctsId: old.id,
  });
  // Both rows are this transaction's already (the retraction locked the old one).
  await manager
    .createQueryBuilder()
    .update(REPORT_KEYS[kind].entity)
    .set({ correctedById: event.id })
    .where('id = :id', { id: old.id })
    .execute();
  // The feed entries come last (see `nextChangeSeq`): the retraction, then the corrected report.
  await logReport(manager, kind, retracted, ChangeKind.RETRACTED);
  if (!duplicate) await logReport(manager, kind, event, ChangeKind.RECORDED);
  return event;
}
