import { Field, InputType } from 'type-graphql';
import { FranchiseKind } from './franchise.enums';

@InputType('FranchiseFilter', { description: 'Narrows a list of franchises; all given fields must match.' })
export class FranchiseFilter {
  @Field(() => String, { nullable: true, description: 'Only franchises whose name contains this (any case, any accents).' })
  nameContains?: string | null;

  @Field(() => [FranchiseKind], { nullable: true, description: 'Only franchises of any of these kinds.' })
  kinds?: FranchiseKind[] | null;
}
