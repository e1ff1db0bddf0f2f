import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row (id 1): the last number handed out to the `changes` feed. Not a GraphQL type. See
 * `nextChangeSeq` for why a counter row rather than a sequence or the clock.
 */
@Entity('change_counter')
export class ChangeCounter {
  @PrimaryColumn('integer')
  id!: number;

  @Column('integer')
  value!: number;
}
