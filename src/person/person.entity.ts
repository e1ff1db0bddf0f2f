import { Field, Int } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NodeEntity, NodeObjectType } from '../graphql/relay/node';
import { NotServed } from '../db/batching';

@Entity('person')
// Made by the migrations through the SQL dialect (a trigram index on PostgreSQL); not synchronized.
@Index('IDX_person_search_trgm', { synchronize: false })
@Index('UQ_person_slug', ['slug'], { unique: true })
@Index('IDX_person_sort', ['sortKey', 'id'])
@NodeObjectType({
  simpleResolvers: true,
  description: 'A real person who works on films.',
})
export class Person extends NodeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Lower-case kebab-case of the name, unique among people.' })
  @Column('varchar', { length: 200 })
  slug!: string;

  @Field(() => String, { description: 'The name the person is credited under.' })
  @Column('varchar', { length: 200 })
  name!: string;

  @Field(() => [String], { description: 'Other names the person is known by.' })
  @Column('simple-json')
  aliases!: string[];

  /** Name and aliases, folded for `nameContains` and `search`. */
  @NotServed()
  @Column('varchar', { length: 1000 })
  searchText!: string;

  /** The name as it sorts, ignoring case and accents; see `sortKeyOf`. */
  @NotServed()
  @Column('varchar', { length: 480 })
  sortKey!: string;

  @Field(() => Int, {
    description: 'Increases with every update; pass it back as `expectedVersion`.',
  })
  @Column('integer', { default: 1 })
  version!: number;
}
