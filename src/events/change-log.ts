import type { EntityManager } from 'typeorm';
import { nextChangeSeq } from './change-sequence';
import { ChangeLogEntry } from './change-log.entity';

/** A write to list in `changes` that is not an event: a merge or a delete. */
export interface LoggedChange {
  readonly kind: 'MERGED' | 'DELETED';
  readonly subjectType: string;
  readonly subjectId: number;
  readonly by: string;
  readonly detail?: string | null;
}

/**
 * Appends `change` to the feed, numbered in commit order; returns its number. As with `nextChangeSeq`,
 * make it the last write of the transaction, except for rows the transaction has locked already
 * (inserting a new row waits for no other writer).
 */
export async function recordChange(manager: EntityManager, change: LoggedChange): Promise<number> {
  const seq = await nextChangeSeq(manager);
  await manager.getRepository(ChangeLogEntry).insert({
    kind: change.kind,
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    detail: change.detail ?? null,
    at: new Date().toISOString(),
    by: change.by,
    seq,
  });
  return seq;
}
