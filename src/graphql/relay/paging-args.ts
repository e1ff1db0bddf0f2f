import { ArgsType, Field, Int } from 'type-graphql';

/** The Relay paging arguments every connection field takes. */
@ArgsType()
export class PagingArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Page size, forwards (default 20, at most 100).',
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor.' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Page size, backwards from `before` or the end (at most 100).',
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Return items before this cursor.' })
  before?: string | null;
}
