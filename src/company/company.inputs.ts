import { Field, InputType } from 'type-graphql';
import { SlugChoiceInput, VersionedUpdateInput } from '../graphql/input-fields';
import { IsName } from '../graphql/validation';
import { CompanyKind } from './company.enums';

@InputType('CompanyFilter', { description: 'Narrows a list of companies.' })
export class CompanyFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only companies whose name contains this (any case, any accents).',
  })
  nameContains?: string | null;

  @Field(() => [CompanyKind], { nullable: true, description: 'Only companies of these kinds.' })
  kinds?: CompanyKind[] | null;
}

@InputType('CreateCompanyInput', {
  description: 'A new company. The slug is made from the name and must be unique.',
})
export class CreateCompanyInput extends SlugChoiceInput('name') {
  @Field(() => String, { description: 'The company’s name.' })
  @IsName(200)
  name!: string;

  @Field(() => CompanyKind, { description: 'What the company mainly is.' })
  kind!: CompanyKind;
}

@InputType('UpdateCompanyInput', {
  description: 'Changes to a company: omitted fields stay as they are.',
})
export class UpdateCompanyInput extends VersionedUpdateInput('company') {
  @Field(() => String, {
    nullable: true,
    description: 'A new name (the slug follows it); cannot be null.',
  })
  @IsName(200)
  name?: string | null;

  @Field(() => CompanyKind, { nullable: true, description: 'What the company mainly is.' })
  kind?: CompanyKind | null;
}
