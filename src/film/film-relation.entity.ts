import { Field } from 'type-graphql';
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
import { Person } from '../person/person.entity';
import { NOT_RETRACTED, ReportedEvent } from '../events/reported-event';
import { Source } from '../source/source.entity';
import { Film } from './film.entity';
import { FilmRelationKind } from './film.enums';

/** A directed link from an earlier film to a later one; what kind of link it is changes over time. */
@Entity('film_relation')
@Index('UQ_film_relation_from_to', ['fromFilmId', 'toFilmId'], { unique: true })
@Index('IDX_film_relation_to', ['toFilmId'])
@NodeObjectType({
  description: 'A directed link from an earlier film (`from`) to a later one (`to`).',
})
export class FilmRelation extends NodeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column('integer')
  fromFilmId!: number;

  @ManyToOne(() => Film, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fromFilmId', foreignKeyConstraintName: 'FK_film_relation_from' })
  fromFilm?: Relation<Film>;

  @Column('integer')
  toFilmId!: number;

  @ManyToOne(() => Film, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'toFilmId', foreignKeyConstraintName: 'FK_film_relation_to' })
  toFilm?: Relation<Film>;
}

@Entity('film_relation_event')
@Index('IDX_film_relation_event_recorded', ['recordedAt', 'id'])
@Index('IDX_film_relation_event_retracted', ['retractedAt', 'id'])
@Index('IDX_film_relation_event_recorded_seq', ['recordedSeq'])
@Index('IDX_film_relation_event_retracted_seq', ['retractedSeq'])
@Index('IDX_film_relation_event_relation', ['relationId', 'effectiveDate'])
@Index('UQ_film_relation_event_report', ['relationId', 'kind', 'effectiveDate', 'sourceId'], {
  unique: true,
  where: NOT_RETRACTED,
})
@NodeObjectType({
  description: 'A dated, sourced statement of what kind of link a film relation is.',
})
export class FilmRelationEvent extends ReportedEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column('integer')
  relationId!: number;

  @ManyToOne(() => FilmRelation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'relationId', foreignKeyConstraintName: 'FK_film_relation_event_relation' })
  relation?: Relation<FilmRelation>;

  // Not `kind`: a union selection may ask ReleaseEvent's kind beside it (no conflict).
  @Field(() => FilmRelationKind, {
    name: 'relationKind',
    description: 'The kind of link from this day on.',
  })
  @Column('varchar', { length: 32 })
  kind!: FilmRelationKind;

  @ManyToOne(() => Source, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sourceId', foreignKeyConstraintName: 'FK_film_relation_event_source' })
  source?: Relation<Source>;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_film_relation_event_speaker' })
  speaker?: Relation<Person> | null;
}
