import { Field, InputType } from 'type-graphql';

@InputType('PersonFilter', { description: 'Narrows a list of people.' })
export class PersonFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only people whose name or an alias contains this (any case, any accents).',
  })
  nameContains?: string | null;
}
