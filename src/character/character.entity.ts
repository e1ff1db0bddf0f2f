import { Field, Int } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NodeEntity, NodeObjectType } from '../graphql/relay/node';
import { NotServed } from '../db/batching';

@Entity('character')
// Made by the migrations through the SQL dialect (a trigram index on PostgreSQL); not synchronized.
@Index('IDX_character_search_trgm', { synchronize: false })
@Index('UQ_character_slug', ['slug'], { unique: true })
@Index('IDX_character_sort', ['sortKey', 'id'])
@NodeObjectType({
  description: 'A fictional character, who may appear in several films (Tyler Rake, Thor).',
})
export class Character extends NodeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Field(() => String, {
    description: 'Lower-case kebab-case of the name, unique among characters.',
  })
  @Column('varchar', { length: 200 })
  slug!: string;

  @Field(() => String, { description: 'The character’s name.' })
  @Column('varchar', { length: 200 })
  name!: string;

  /** The name, folded for `nameContains` and `search`. */
  @Field(() => [String], {
    description:
      'Other names the character is known by ("Doctor Doom", "MCU"); `search` matches them.',
  })
  @Column('simple-json')
  aliases: string[] = [];

  @NotServed()
  @Column('varchar', { length: 500 })
  searchText!: string;

  /** The name as it sorts, ignoring case and accents; see `sortKeyOf`. */
  @NotServed()
  @Column('varchar', { length: 480 })
  sortKey!: string;

  @Field(() => Int, {
    description: 'Incremented by every change; pass it as `expectedVersion` to updateCharacter.',
  })
  @Column('integer', { default: 1 })
  version!: number;
}
