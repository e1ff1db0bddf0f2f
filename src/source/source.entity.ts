import { Field, ID, ObjectType } from 'type-graphql';
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
import { toGlobalId } from '../graphql/relay/global-id';
import { Node } from '../graphql/relay/node';
import { Company } from '../company/company.entity';

@Entity('source')
@Index('UQ_source_url', ['url'], { unique: true })
@ObjectType('Source', {
  implements: Node,
  description: 'Where a claim was published: an article, a post, a statement, a press release.',
})
export class Source {
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

  @Field(() => ID, { name: 'id', description: 'The global id.' })
  get nodeId(): string {
    return toGlobalId('Source', this.id);
  }
}
