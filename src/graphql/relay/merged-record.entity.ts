import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A record merged into another (`mergePeople`…): its global id and slug keep resolving to the kept
 * record. Not a GraphQL type. When the kept record is merged in turn, its rows are pointed further on.
 */
@Entity('merged_record')
@Index('UQ_merged_record_from', ['type', 'fromId'], { unique: true })
@Index('IDX_merged_record_slug', ['type', 'fromSlug'])
export class MergedRecord {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The GraphQL type (and entity class) name: Person, Film, Character, Company. */
  @Column('varchar', { length: 40 })
  type!: string;

  @Column('integer')
  fromId!: number;

  @Column('varchar', { length: 200, nullable: true })
  fromSlug!: string | null;

  @Column('integer')
  intoId!: number;
}
