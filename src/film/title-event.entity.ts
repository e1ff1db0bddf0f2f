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
import { NodeObjectType } from '../graphql/relay/node';
import { NOT_RETRACTED, ReportedEvent } from '../events/reported-event';
import { Person } from '../person/person.entity';
import { Source } from '../source/source.entity';
import { Film } from './film.entity';

@Entity('title_event')
@Index('IDX_title_event_film', ['filmId', 'effectiveDate'])
@Index('IDX_title_event_slug', ['slug'])
@Index('UQ_title_event_report', ['filmId', 'title', 'effectiveDate', 'sourceId'], {
  unique: true,
  where: NOT_RETRACTED,
})
@NodeObjectType({
  description:
    'A dated, sourced report of a film’s title: from `effectiveDate` on, the film is called `title`.',
})
export class TitleEvent extends ReportedEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column('integer')
  filmId!: number;

  @ManyToOne(() => Film, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'filmId', foreignKeyConstraintName: 'FK_title_event_film' })
  film?: Relation<Film>;

  @Field(() => String, { description: 'The title the film took on `effectiveDate`.' })
  @Column('varchar', { length: 300 })
  title!: string;

  /** The slug of this title: `film(slug:)` finds the film by it too (the film keeps its first slug). */
  @Column('varchar', { length: 200 })
  slug!: string;

  @ManyToOne(() => Source, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sourceId', foreignKeyConstraintName: 'FK_title_event_source' })
  source?: Relation<Source>;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_title_event_speaker' })
  speaker?: Relation<Person> | null;
}
