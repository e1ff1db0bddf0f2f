import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per write, in commit order: what the `changes` feed lists. Written by `recordChange` in the
 * transaction of the write it describes. Not a GraphQL type itself (the feed serves it as `Change`).
 */
@Entity('change_log')
@Index('IDX_change_log_seq', ['seq', 'id'])
@Index('IDX_change_log_at', ['at'])
@Index('IDX_change_log_subject', ['subjectType', 'subjectId'])
export class ChangeLogEntry {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The commit-order number (see `nextChangeSeq`); 0 for rows loaded in bulk (the seed, backfills). */
  @Column('integer')
  seq!: number;

  /** When the write was made (ISO 8601). */
  @Column('varchar', { length: 30 })
  at!: string;

  /** The name of the key that made it, or "seed". */
  @Column('varchar', { length: 200 })
  by!: string;

  /** A `ChangeKind`. */
  @Column('varchar', { length: 32 })
  kind!: string;

  /** The GraphQL type of the subject (a Node type; for a merge, the kept record). */
  @Column('varchar', { length: 40 })
  subjectType!: string;

  @Column('integer')
  subjectId!: number;

  /** What happened, in words, for a merge or a delete ("Person 12 (john-smith-2) merged into Person 3"). */
  @Column('text', { nullable: true })
  detail!: string | null;
}
