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
import { NodeEntity, NodeObjectType } from '../graphql/relay/node';
import { Film } from '../film/film.entity';
import { Franchise } from './franchise.entity';

@Entity('franchise_membership')
@Index('UQ_membership_franchise_film', ['franchiseId', 'filmId'], { unique: true })
@Index('IDX_membership_franchise_release', ['franchiseId', 'releaseOrdinal', 'filmId'])
@Index('IDX_membership_franchise_story', ['franchiseId', 'storyOrdinal', 'filmId'])
@Index('IDX_membership_film', ['filmId'])
@NodeObjectType({
  description: 'A film’s place in a franchise; a film can be in several franchises.',
})
export class FranchiseMembership extends NodeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column('integer')
  franchiseId!: number;

  @ManyToOne(() => Franchise, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'franchiseId', foreignKeyConstraintName: 'FK_membership_franchise' })
  franchise?: Relation<Franchise>;

  @Column('integer')
  filmId!: number;

  @ManyToOne(() => Film, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'filmId', foreignKeyConstraintName: 'FK_membership_film' })
  film?: Relation<Film>;

  @Field(() => Int, {
    nullable: true,
    description: 'The film’s place in release order (1 = first).',
  })
  @Column('integer', { nullable: true })
  releaseOrdinal!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The film’s place in story order; null while unknown.',
  })
  @Column('integer', { nullable: true })
  storyOrdinal!: number | null;
}
