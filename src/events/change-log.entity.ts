import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A write that is not an event (a merge, a delete), for the `changes` feed. Not a GraphQL type; the
 * feed serves it as a Change.
 */
@Entity('change_log')
@Index('IDX_change_log_seq', ['seq'])
@Index('IDX_change_log_at', ['at', 'id'])
export class ChangeLogEntry {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** A ChangeKind: MERGED, DELETED. */
  @Column('varchar', { length: 32 })
  kind!: string;

  /** The Node type of the record the change is about (for a merge, the kept record). */
  @Column('varchar', { length: 40 })
  subjectType!: string;

  @Column('integer')
  subjectId!: number;

  /** What happened, in words ("Person 12 (john-smith-2) merged into Person 3"). */
  @Column('text', { nullable: true })
  detail!: string | null;

  @Column('varchar', { length: 30 })
  at!: string;

  @Column('varchar', { length: 200 })
  by!: string;

  /** The commit-order number of the change (`nextChangeSeq`). */
  @Column('integer')
  seq!: number;
}
