import { Field, Float } from 'type-graphql';
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
import { NodeEntity, NodeObjectType } from '../graphql/relay/node';
import { Film } from '../film/film.entity';
import { Source } from '../source/source.entity';
import { MetricKind, MetricUnit } from './metric.enums';

@Entity('metric')
@Index('IDX_metric_film', ['filmId', 'asOf'])
@NodeObjectType({
  description:
    'A number about a film, with how it was measured; numbers of different methodologies do not compare.',
})
export class Metric extends NodeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column('integer')
  filmId!: number;

  @ManyToOne(() => Film, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'filmId', foreignKeyConstraintName: 'FK_metric_film' })
  film?: Relation<Film>;

  @Field(() => MetricKind, { description: 'What is measured.' })
  @Column('varchar', { length: 32 })
  kind!: MetricKind;

  @Field(() => Float, { description: 'The number.' })
  @Column('double precision')
  value!: number;

  @Field(() => MetricUnit, { description: 'The unit of `value`.' })
  @Column('varchar', { length: 32 })
  unit!: MetricUnit;

  @Field(() => String, {
    nullable: true,
    description: 'The period measured, e.g. "first 28 days".',
  })
  @Column('varchar', { length: 200, nullable: true })
  window!: string | null;

  @Field(() => String, {
    description: 'How it was counted, e.g. "a household counts after 2 minutes viewed".',
  })
  @Column('text')
  methodology!: string;

  @Field(() => Boolean, { description: 'True for a projection rather than a measured figure.' })
  @Column('boolean')
  projected!: boolean;

  @Field(() => DateScalar, { description: 'The day the figure was announced.' })
  @Column('varchar', { length: 10 })
  asOf!: string;

  @Column('integer')
  sourceId!: number;

  @ManyToOne(() => Source, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sourceId', foreignKeyConstraintName: 'FK_metric_source' })
  source?: Relation<Source>;
}
