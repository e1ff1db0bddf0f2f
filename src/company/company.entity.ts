import { Field, Int } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NodeEntity, NodeObjectType } from '../graphql/relay/node';
import { CompanyKind } from './company.enums';
import { NotServed } from '../db/batching';

@Entity('company')
// Made by the migrations through the SQL dialect (a trigram index on PostgreSQL); not synchronized.
@Index('IDX_company_search_trgm', { synchronize: false })
@Index('UQ_company_slug', ['slug'], { unique: true })
@Index('IDX_company_sort', ['sortKey', 'id'])
@NodeObjectType({
  description: 'A studio, distributor, streamer, production company or news outlet.',
})
export class Company extends NodeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Field(() => String, {
    description: 'Lower-case kebab-case of the name, unique among companies.',
  })
  @Column('varchar', { length: 200 })
  slug!: string;

  @Field(() => String, { description: 'The company’s name.' })
  @Column('varchar', { length: 200 })
  name!: string;

  // Not `kind`: a search selection may ask Franchise.kind beside it (no conflict).
  @Field(() => CompanyKind, { name: 'companyKind', description: 'What the company mainly is.' })
  @Column('varchar', { length: 32 })
  kind!: CompanyKind;

  /** Folded name for search; see `searchTextOf`. */
  @NotServed()
  @Column('varchar', { length: 500 })
  searchText!: string;

  /** The name as it sorts, ignoring case and accents; see `sortKeyOf`. */
  @NotServed()
  @Column('varchar', { length: 480 })
  sortKey!: string;

  @Field(() => Int, {
    description: 'Incremented by every change; pass it as `expectedVersion` to updateCompany.',
  })
  @Column('integer', { default: 1 })
  version!: number;
}
