import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../graphql/relay/global-id';
import { Node } from '../graphql/relay/node';
import { NotServed } from '../db/batching';

@Entity('person')
// Made by the migrations through the SQL dialect (a trigram index on PostgreSQL); not synchronized.
@Index('IDX_person_search_trgm', { synchronize: false })
@Index('UQ_person_slug', ['slug'], { unique: true })
@Index('IDX_person_name', ['name', 'id'])
@ObjectType('Person', {
  implements: Node,
  simpleResolvers: true,
  description: 'A real person who works on films.',
})
export class Person {
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

  @Field(() => Int, {
    description: 'Increases with every update; pass it back as `expectedVersion`.',
  })
  @Column('integer', { default: 1 })
  version!: number;

  // Not simple: `id` in the schema is this getter, not the numeric column a default resolver would read.
  @Field(() => ID, { name: 'id', simple: false, description: 'The global id.' })
  get nodeId(): string {
    return toGlobalId('Person', this.id);
  }
}
