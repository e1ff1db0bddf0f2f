import { Field, InputType } from 'type-graphql';
import { IsName } from '../graphql/validation';
import { CompanyKind } from './company.enums';

@InputType('CreateCompanyInput', {
  description: 'A new company. The slug is made from the name and must be unique.',
})
export class CreateCompanyInput {
  @Field(() => String, { description: 'The company’s name.' })
  @IsName(200)
  name!: string;

  @Field(() => CompanyKind, { description: 'What the company mainly is.' })
  kind!: CompanyKind;
  @Field(() => String, {
    nullable: true,
    description:
      'The slug to use instead of one made from the name (it is made lower-case kebab-case); must be free.',
  })
  @IsName(200)
  slug?: string | null;
}
