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
import { Person } from '../person/person.entity';
import { NOT_RETRACTED, ReportedEvent } from '../events/reported-event';
import { Source } from '../source/source.entity';
import { Credit } from './credit.entity';
import { AttachmentStatus } from './credit.enums';

@Entity('attachment_event')
@Index('IDX_attachment_event_retracted', ['retractedAt', 'id'])
@Index('IDX_attachment_event_recorded_seq', ['recordedSeq'])
@Index('IDX_attachment_event_retracted_seq', ['retractedSeq'])
@Index('UQ_attachment_event_report', ['creditId', 'status', 'effectiveDate', 'sourceId'], {
  unique: true,
  where: NOT_RETRACTED,
})
@Index('IDX_attachment_event_recorded', ['recordedAt', 'id'])
@Index('IDX_attachment_event_history', [
  'creditId',
  'effectiveDate',
  'recordedAt',
  'id',
  'retracted',
  'status',
])
@NodeObjectType({
  simpleResolvers: true,
  description: 'A dated, sourced change of a credit’s deal status: who said what, where and when.',
})
export class AttachmentEvent extends ReportedEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column('integer')
  creditId!: number;

  @ManyToOne(() => Credit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'creditId', foreignKeyConstraintName: 'FK_attachment_event_credit' })
  credit?: Relation<Credit>;

  @Field(() => AttachmentStatus, { description: 'The deal status from this day on.' })
  @Column('varchar', { length: 32 })
  status!: AttachmentStatus;

  @ManyToOne(() => Source, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sourceId', foreignKeyConstraintName: 'FK_attachment_event_source' })
  source?: Relation<Source>;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_attachment_event_speaker' })
  speaker?: Relation<Person> | null;
}

/**
 * What a credit's status needs of each of its events: the credit loaders read these columns with the
 * credits (the history index covers them) instead of whole events, which carry quotes, who recorded
 * and retracted them and when.
 */
export const STATUS_EVENT_COLUMNS = [
  'id',
  'status',
  'effectiveDate',
  'recordedAt',
  'retracted',
] as const;

/** An attachment event reduced to `STATUS_EVENT_COLUMNS`. */
export type StatusEvent = Pick<AttachmentEvent, (typeof STATUS_EVENT_COLUMNS)[number]>;
