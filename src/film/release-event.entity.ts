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
import { DateScalar } from '../graphql/scalars';
import { NodeObjectType } from '../graphql/relay/node';
import { Company } from '../company/company.entity';
import { NOT_RETRACTED, ReportedEvent } from '../events/reported-event';
import { Person } from '../person/person.entity';
import { Source } from '../source/source.entity';
import { Film } from './film.entity';
import { DatePrecision, ReleaseKind } from './film.enums';

@Entity('release_event')
@Index('IDX_release_event_film', ['filmId', 'date'])
@Index(
  'UQ_release_event_report',
  ['filmId', 'kind', 'country', 'date', 'precision', 'effectiveDate', 'sourceId'],
  { unique: true, where: NOT_RETRACTED },
)
// NULL never equals NULL in a unique index: worldwide releases (no country) have an index of their own.
@Index(
  'UQ_release_event_report_worldwide',
  ['filmId', 'kind', 'date', 'precision', 'effectiveDate', 'sourceId'],
  { unique: true, where: `${NOT_RETRACTED} AND "country" IS NULL` },
)
@NodeObjectType({
  description:
    'A dated, sourced report that a film is (or was) to be released on `date` for a kind and country. ' +
    'Per kind and country, the release in force on a day is the newest report effective by then that was ' +
    'not retracted.',
})
export class ReleaseEvent extends ReportedEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column('integer')
  filmId!: number;

  @ManyToOne(() => Film, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'filmId', foreignKeyConstraintName: 'FK_release_event_film' })
  film?: Relation<Film>;

  @Field(() => DateScalar, {
    description: 'The day of the release; with a coarser `precision`, the first day of the period.',
  })
  @Column('varchar', { length: 10 })
  date!: string;

  @Field(() => DatePrecision, { description: 'How exactly `date` is known.' })
  @Column('varchar', { length: 5, default: DatePrecision.DAY })
  precision!: DatePrecision;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 country code ("US"); null for a worldwide release.',
  })
  @Column('varchar', { length: 2, nullable: true })
  country!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where a premiere took place ("Los Angeles").',
  })
  @Column('varchar', { length: 200, nullable: true })
  place!: string | null;

  // Not `kind`: a union selection may ask FilmRelationEvent.kind beside it (no conflict).
  @Field(() => ReleaseKind, { name: 'releaseKind', description: 'How the film was released.' })
  @Column('varchar', { length: 32 })
  kind!: ReleaseKind;

  @Column('integer', { nullable: true })
  companyId!: number | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'companyId', foreignKeyConstraintName: 'FK_release_event_company' })
  company?: Relation<Company> | null;

  @ManyToOne(() => Source, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sourceId', foreignKeyConstraintName: 'FK_release_event_source' })
  source?: Relation<Source>;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_release_event_speaker' })
  speaker?: Relation<Person> | null;
}
