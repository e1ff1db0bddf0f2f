import type { EntityManager } from 'typeorm';
import { AttachmentEvent } from '../credit/attachment-event.entity';
import { ReportConflictError } from '../errors';
import { FilmRelationEvent } from '../film/film-relation.entity';
import { ProductionEvent } from '../film/production-event.entity';
import { toGlobalId } from '../graphql/relay/global-id';
import type { NodeEntity } from '../graphql/relay/node';
import { nextChangeSeq } from './change-sequence';
import { NOT_RETRACTED, type ReportedEvent } from './reported-event';

/**
 * What makes two events of one kind "the same report": the subject and value columns named here, plus
 * `effectiveDate` and `sourceId`. The key is unique among non-retracted events (a partial unique index
 * `UQ_<table>_report`), so a retracted report can be recorded again. A new event kind plugs in with
 * one line here and that index.
 */
export const REPORT_KEYS = {
  AttachmentEvent: { entity: AttachmentEvent, key: ['creditId', 'status'] },
  ProductionEvent: { entity: ProductionEvent, key: ['filmId', 'status'] },
  FilmRelationEvent: { entity: FilmRelationEvent, key: ['relationId', 'kind'] },
} as const;

export type ReportKindName = keyof typeof REPORT_KEYS;

/** The details that must agree for a resent report to be a duplicate rather than a conflict. */
const DETAILS = ['confidence', 'quote', 'speakerId'] as const;

/** The columns of a report key for one kind: its subject and value, the day and the source. */
export function reportKeyColumns(kind: ReportKindName): string[] {
  return [...REPORT_KEYS[kind].key, 'effectiveDate', 'sourceId'];
}

/** An event's columns before it is numbered; `correctsId` only for a correction. */
export type NewEvent = Omit<
  ReportedEvent,
  keyof NodeEntity | 'recordedSeq' | 'retractedSeq' | 'correctsId' | 'correctedById'
> & { correctsId?: number | null } & Record<string, unknown>;

/**
 * Records a report once among the events that count. The same key with the same details returns the
 * stored event (`duplicate`); with other details it is REPORT_CONFLICT, naming what differs. The
 * partial unique index decides under a race: the second insert waits for the first to commit, does
 * nothing, and the stored event is compared as if it had been found first.
 */
export async function recordReport<T extends ReportedEvent>(
  manager: EntityManager,
  kind: ReportKindName,
  values: NewEvent,
): Promise<{ event: T; duplicate: boolean }> {
  const { entity } = REPORT_KEYS[kind];
  const columns = reportKeyColumns(kind);
  const key = Object.fromEntries(columns.map((column) => [column, values[column]]));
  const repository = manager.getRepository<T>(entity as never);
  const findStored = () => repository.findOneBy({ ...key, retracted: false } as never);

  const stored = await findStored();
  if (stored) return { event: sameReportOrConflict(kind, stored, values), duplicate: true };

  const recordedSeq = await nextChangeSeq(manager);
  const [sql, parameters] = manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values({ ...values, recordedSeq } as never)
    .updateEntity(false)
    .getQueryAndParameters();
  // ON CONFLICT names the partial index by its columns and predicate (TypeORM writes the predicate for
  // PostgreSQL only; SQLite accepts the same clause).
  const target = columns.map((column) => `"${column}"`).join(', ');
  const result = await manager.queryRunner!.query(
    `${sql} ON CONFLICT (${target}) WHERE ${NOT_RETRACTED} DO NOTHING RETURNING "id"`,
    parameters,
    true,
  );
  const row = (result.records as { id: number | string }[] | undefined)?.[0];
  if (row !== undefined) {
    return {
      event: await repository.findOneByOrFail({ id: Number(row.id) } as never),
      duplicate: false,
    };
  }
  const winner = await findStored();
  if (!winner) throw new Error(`the ${kind} that won the insert race is missing`);
  return { event: sameReportOrConflict(kind, winner, values), duplicate: true };
}

function sameReportOrConflict<T extends ReportedEvent>(
  kind: ReportKindName,
  stored: T,
  values: NewEvent,
): T {
  const differing = DETAILS.filter(
    (detail) => (stored[detail] ?? null) !== (values[detail] ?? null),
  );
  if (differing.length === 0) return stored;
  const described = differing
    .map(
      (detail) =>
        `${detail} ${JSON.stringify(stored[detail])} is stored, ${JSON.stringify(values[detail])} was sent`,
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
 * Marks an event retracted, numbered in the feed. False when it was retracted already (by someone
 * else first, under a race: the UPDATE waits for that writer and then matches no row).
 */
export async function retractReport(
  manager: EntityManager,
  kind: ReportKindName,
  id: number,
  retraction: Retraction,
): Promise<boolean> {
  const retractedSeq = await nextChangeSeq(manager);
  const result = await manager
    .createQueryBuilder()
    .update(REPORT_KEYS[kind].entity)
    .set({
      retracted: true,
      retractionReason: retraction.reason,
      retractedAt: new Date().toISOString(),
      retractedBy: retraction.by,
      retractedSeq,
    })
    .where('id = :id AND retracted = :no', { id, no: false })
    .execute();
  return (result.affected ?? 0) > 0;
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
  if (!(await retractReport(manager, kind, old.id, retraction))) return null;
  const { event } = await recordReport<T>(manager, kind, { ...corrected, correctsId: old.id });
  // Both rows are this transaction's already (the retraction locked the old one).
  await manager
    .createQueryBuilder()
    .update(REPORT_KEYS[kind].entity)
    .set({ correctedById: event.id })
    .where('id = :id', { id: old.id })
    .execute();
  return event;
}
