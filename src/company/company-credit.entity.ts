import { Field, ObjectType } from 'type-graphql';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Film } from '../film/film.entity';
import { Company } from './company.entity';
import { CompanyRole } from './company.enums';

@Entity('company_credit')
@Index('UQ_company_credit', ['filmId', 'companyId', 'role'], { unique: true })
@Index('IDX_company_credit_company', ['companyId'])
@ObjectType('CompanyCredit', { description: 'What a company did on a film.' })
export class CompanyCredit {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column('integer')
  filmId!: number;

  @ManyToOne(() => Film, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'filmId', foreignKeyConstraintName: 'FK_company_credit_film' })
  film?: Relation<Film>;

  @Column('integer')
  companyId!: number;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'companyId', foreignKeyConstraintName: 'FK_company_credit_company' })
  company?: Relation<Company>;

  @Field(() => CompanyRole, { description: 'What the company did on the film.' })
  @Column('varchar', { length: 32 })
  role!: CompanyRole;
}
