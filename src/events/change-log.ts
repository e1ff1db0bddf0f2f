import { registerEnumType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { NodeEntity } from '../graphql/relay/node';
import { nextChangeSeq } from './change-sequence';
import { signalAfterCommit } from './change-signal';
import type { LoggedTable } from '../db/change-backfill';
import { ChangeLogEntry } from './change-log.entity';

/** What a write did to its subject. A new kind of write is one more value here. */
export enum ChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  RECORDED = 'RECORDED',
  RETRACTED = 'RETRACTED',
  MERGED = 'MERGED',
  DELETED = 'DELETED',
}

registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What a write did to its subject.',
  valuesConfig: {
    CREATED: {
      description: 'The subject was created (a film, person, membership, relation…).',
    },
    UPDATED: {
      description: 'The subject’s facts were changed (an update, a new franchise ordinal…).',
    },
    RECORDED: { description: 'The subject, a dated sourced report, was recorded.' },
    RETRACTED: { description: 'The subject, a dated sourced report, was retracted.' },
    MERGED: { description: 'A duplicate record was merged into `subject`, the record kept.' },
    DELETED: { description: 'An unreferenced record was deleted (`subject` is null then).' },
  },
});

/** The tables whose rows the feed lists, for writes made in bulk (`backfillChanges`, the seed). */
export const LOGGED_TABLES = {
  created: [
    ['company', 'Company'],
    ['person', 'Person'],
    ['character', 'Character'],
    ['franchise', 'Franchise'],
    ['film', 'Film'],
    ['franchise_membership', 'FranchiseMembership'],
    ['film_relation', 'FilmRelation'],
    ['credit', 'Credit'],
    ['metric', 'Metric'],
  ],
  reported: [
    ['attachment_event', 'AttachmentEvent'],
    ['production_event', 'ProductionEvent'],
    ['film_relation_event', 'FilmRelationEvent'],
    ['release_event', 'ReleaseEvent'],
    ['title_event', 'TitleEvent'],
  ],
} as const satisfies Record<string, readonly LoggedTable[]>;

export interface ChangeInput {
  readonly kind: ChangeKind;
  /** The entity written (a merge: the kept one; a delete: the row as it was); its class names its type. */
  readonly subject: { readonly id: number };
  /** The name of the key that wrote it. */
  readonly by: string;
  /** What happened, in words, when the kind alone does not say it (a merge, a delete). */
  readonly detail?: string | null;
}

/**
 * Appends a write to the `changes` feed, in the transaction of the write; returns its commit-order
 * number. Call it after the write's other statements (it takes the number, see `nextChangeSeq`);
 * several calls in one transaction are fine and keep their order.
 */
export async function recordChange(manager: EntityManager, change: ChangeInput): Promise<number> {
  const seq = await nextChangeSeq(manager);
  await manager.getRepository(ChangeLogEntry).insert(entryOf(change, seq));
  signalAfterCommit(manager, seq);
  return seq;
}

function entryOf(
  { kind, subject, by, detail }: ChangeInput,
  seq: number,
): Omit<ChangeLogEntry, 'id'> {
  return {
    seq,
    at: new Date().toISOString(),
    by,
    kind,
    subjectType: subject.constructor.name,
    subjectId: subject.id,
    detail: detail ?? null,
  };
}

/** `recordChange` for a write that returns its row: `return logged(manager, CREATED, by, row)`. */
export async function logged<T extends NodeEntity>(
  manager: EntityManager,
  kind: ChangeKind,
  by: string,
  subject: T,
): Promise<T> {
  await recordChange(manager, { kind, subject, by });
  return subject;
}
