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
import { DateScalar } from '../graphql/scalars';
import { NodeEntity, NodeObjectType } from '../graphql/relay/node';
import { Company } from '../company/company.entity';
import { NotServed } from '../db/batching';
import { SourceKind } from './source.enums';

@Entity('source')
@Index('UQ_source_url', ['url'], { unique: true })
@Index('UQ_source_offline', ['offlineKey'], { unique: true })
@NodeObjectType({
  description: 'Where a claim was published: an article, a post, a statement, a press release.',
})
export class Source extends NodeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column('integer', { nullable: true })
  outletId!: number | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outletId', foreignKeyConstraintName: 'FK_source_outlet' })
  outlet?: Relation<Company> | null;

  @Field(() => SourceKind, { description: 'What kind of publication it is.' })
  @Column('varchar', { length: 32 })
  kind: SourceKind = SourceKind.ARTICLE;

  /**
   * What makes a source without URL the same source: outlet, title and day published, as one
   * non-null text (`offlineSourceKey`), unique; null for a source with a URL.
   */
  @NotServed()
  @Column('varchar', { length: 1200, nullable: true })
  offlineKey!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The address of the publication, when it is online (always, for an ARTICLE).',
  })
  @Column('varchar', { length: 2000, nullable: true })
  url!: string | null;

  @Field(() => String, { description: 'The headline or a short description of the publication.' })
  @Column('varchar', { length: 500 })
  title!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was published.' })
  @Column('varchar', { length: 10, nullable: true })
  publishedOn!: string | null;

  @Field(() => Int, {
    description: 'Incremented by every change; pass it as `expectedVersion` to updateSource.',
  })
  @Column('integer', { default: 1 })
  version!: number;
}

/** The identity of a source without URL: the same outlet, title and day published. */
export function offlineSourceKey(source: {
  outletId: number | null;
  title: string;
  publishedOn: string | null;
}): string {
  return JSON.stringify([source.outletId, source.title, source.publishedOn]);
}
