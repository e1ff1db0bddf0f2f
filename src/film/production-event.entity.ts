import { Field } from 'type-graphql';
import {
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Column,
  type Relation,
} from 'typeorm';
import { NodeObjectType } from '../graphql/relay/node';
import { Person } from '../person/person.entity';
import { NOT_RETRACTED, ReportedEvent } from '../events/reported-event';
import { Source } from '../source/source.entity';
import { Film } from './film.entity';
import { ProductionStatus } from './film.enums';

@Entity('production_event')
@Index('IDX_production_event_recorded', ['recordedAt', 'id'])
@Index('IDX_production_event_retracted', ['retractedAt', 'id'])
@Index('IDX_production_event_recorded_seq', ['recordedSeq'])
@Index('IDX_production_event_retracted_seq', ['retractedSeq'])
@Index('IDX_production_event_film', ['filmId', 'effectiveDate'])
@Index('UQ_production_event_report', ['filmId', 'status', 'effectiveDate', 'sourceId'], {
  unique: true,
  where: NOT_RETRACTED,
})
@NodeObjectType({
  description: 'A dated, sourced change of a film’s production status.',
})
export class ProductionEvent extends ReportedEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column('integer')
  filmId!: number;

  @ManyToOne(() => Film, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'filmId', foreignKeyConstraintName: 'FK_production_event_film' })
  film?: Relation<Film>;

  // Not `status`: a union or Node selection may ask AttachmentEvent.status beside it (no conflict).
  @Field(() => ProductionStatus, {
    name: 'productionStatus',
    description: 'The production status the film entered.',
  })
  @Column('varchar', { length: 32 })
  status!: ProductionStatus;

  @ManyToOne(() => Source, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sourceId', foreignKeyConstraintName: 'FK_production_event_source' })
  source?: Relation<Source>;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_production_event_speaker' })
  speaker?: Relation<Person> | null;
}
