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
import { NodeEntity, NodeObjectType } from '../graphql/relay/node';
import { Company } from '../company/company.entity';

@Entity('source')
@Index('UQ_source_url', ['url'], { unique: true })
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

  @Field(() => String, {
    nullable: true,
    description: 'The address of the publication, when it is online.',
  })
  @Column('varchar', { length: 2000, nullable: true })
  url!: string | null;

  @Field(() => String, { description: 'The headline or a short description of the publication.' })
  @Column('varchar', { length: 500 })
  title!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was published.' })
  @Column('varchar', { length: 10, nullable: true })
  publishedOn!: string | null;
}
