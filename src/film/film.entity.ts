import { Field, Int } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '../graphql/scalars';
import { NodeEntity, NodeObjectType } from '../graphql/relay/node';
import { NotServed } from '../db/batching';

@Entity('film')
// Made by the migrations through the SQL dialect (a trigram index on PostgreSQL); not synchronized.
@Index('IDX_film_search_trgm', { synchronize: false })
@Index('UQ_film_slug', ['slug'], { unique: true })
@Index('IDX_film_release_date', ['releaseDate', 'id'])
@Index('IDX_film_title', ['title', 'id'])
@NodeObjectType({
  simpleResolvers: true,
  description: 'A film, released or not.',
})
export class Film extends NodeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Lower-case kebab-case of the title, unique among films.' })
  @Column('varchar', { length: 200 })
  slug!: string;

  @Field(() => String, { description: 'The title the film was or will be released under.' })
  @Column('varchar', { length: 300 })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The title used during production ("Dhaka").',
  })
  @Column('varchar', { length: 300, nullable: true })
  workingTitle!: string | null;

  @Field(() => Int, { nullable: true, description: 'Running time in minutes.' })
  @Column('integer', { nullable: true })
  runtimeMinutes!: number | null;

  @Field(() => String, { nullable: true, description: 'A short summary of the story.' })
  @Column('text', { nullable: true })
  synopsis!: string | null;

  @Field(() => Int, { nullable: true, description: 'The film’s id at The Movie Database (TMDB).' })
  @Column('integer', { nullable: true })
  tmdbId!: number | null;

  @Field(() => String, { nullable: true, description: 'The film’s IMDb id, e.g. "tt8936646".' })
  @Column('varchar', { length: 20, nullable: true })
  imdbId!: string | null;

  /**
   * The earliest THEATRICAL or STREAMING release anywhere. Kept in step with `release_event` in the same
   * transaction that records a release, so that films can be ordered and paged by it through an index.
   */
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The earliest theatrical or streaming release anywhere (premieres do not count).',
  })
  @Column('varchar', { length: 10, nullable: true })
  releaseDate!: string | null;

  /** Title and working title, folded for `titleContains` and `search`. */
  @NotServed()
  @Column('varchar', { length: 700 })
  searchText!: string;

  @Field(() => Int, {
    description: 'Increases with every update; pass it back as `expectedVersion`.',
  })
  @Column('integer', { default: 1 })
  version!: number;
}
