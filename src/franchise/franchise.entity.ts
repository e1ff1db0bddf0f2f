import { Field, Int } from 'type-graphql';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { NodeEntity, NodeObjectType } from '../graphql/relay/node';
import { FranchiseKind } from './franchise.enums';
import { NotServed } from '../db/batching';

@Entity('franchise')
// Made by the migrations through the SQL dialect (a trigram index on PostgreSQL); not synchronized.
@Index('IDX_franchise_search_trgm', { synchronize: false })
@Index('UQ_franchise_slug', ['slug'], { unique: true })
@Index('IDX_franchise_parent', ['parentId'])
@Index('IDX_franchise_sort', ['sortKey', 'id'])
@Index('IDX_franchise_kind', ['kind', 'sortKey', 'id'])
@NodeObjectType({
  simpleResolvers: true,
  description: 'A franchise, shared universe, series, phase or saga; may sit inside a parent.',
})
export class Franchise extends NodeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Field(() => String, {
    description: 'Lower-case kebab-case of the name, unique among franchises.',
  })
  @Column('varchar', { length: 200 })
  slug!: string;

  @Field(() => String, { description: 'The franchise’s name.' })
  @Column('varchar', { length: 200 })
  name!: string;

  @Field(() => FranchiseKind, { description: 'What sort of grouping this is.' })
  @Column('varchar', { length: 32 })
  kind!: FranchiseKind;

  @Field(() => String, { nullable: true, description: 'A short description.' })
  @Column('text', { nullable: true })
  description!: string | null;

  @Column('integer', { nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Franchise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parentId', foreignKeyConstraintName: 'FK_franchise_parent' })
  parent?: Relation<Franchise> | null;

  /** The name, folded for `nameContains` and `search`. */
  @Field(() => [String], {
    description:
      'Other names the franchise is known by ("Doctor Doom", "MCU"); `search` matches them.',
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
    description: 'Increases with every update; pass it back as `expectedVersion`.',
  })
  @Column('integer', { default: 1 })
  version!: number;
}
