import { Field, Int } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NodeEntity, NodeObjectType } from '../graphql/relay/node';
import { NotServed } from '../db/batching';

@Entity('film')
// Made by the migrations through the SQL dialect (a trigram index on PostgreSQL); not synchronized.
@Index('IDX_film_search_trgm', { synchronize: false })
@Index('UQ_film_slug', ['slug'], { unique: true })
@Index('IDX_film_release_date', ['releaseDate', 'id'])
@Index('IDX_film_sort', ['sortKey', 'id'])
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

  /**
   * The title in force today: the newest title report, else the title the film was entered under. Kept
   * in step with `title_event` in the same transaction, for the TITLE order. Served by `title(asOf:)`.
   */
  @Column('varchar', { length: 300 })
  title!: string;

  /** The title the film was entered under; served by `originalTitle` (null reads as `title`). */
  @Column('varchar', { length: 300, nullable: true })
  originalTitle!: string | null;

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
   * The release date in force today (see `firstRelease`). Kept in step with `release_event` in the same
   * transaction as every report and retraction, so that films can be filtered, ordered and paged by it
   * through an index. Served by `releaseDate(asOf:)`.
   */
  @Column('varchar', { length: 10, nullable: true })
  releaseDate!: string | null;

  /** Title and working title, folded for `titleContains` and `search`. */
  @NotServed()
  @Column('varchar', { length: 700 })
  searchText!: string;

  /** The title as it sorts, ignoring case and accents; see `sortKeyOf`. */
  @NotServed()
  @Column('varchar', { length: 480 })
  sortKey!: string;

  @Field(() => Int, {
    description: 'Increases with every update; pass it back as `expectedVersion`.',
  })
  @Column('integer', { default: 1 })
  version!: number;
}
