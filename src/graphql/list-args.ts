import { Arg, type ClassType } from 'type-graphql';
import { DateScalar } from './scalars';

// Parameter decorators rather than an @ArgsType: a field resolver whose parameters are all plain
// `@Arg`s keeps the direct call of useDirectFieldResolvers.

type ArgDecorator = ReturnType<typeof Arg>;

/** A list's `filter` argument. */
export function FilterArg(type: () => ClassType): ArgDecorator {
  return Arg('filter', type, { nullable: true, description: 'What to include.' });
}

/** A list's `asOf` argument: the list as it stood on that day (items not yet reported left out). */
export function ListAsOfArg(): ArgDecorator {
  return Arg('asOf', () => DateScalar, {
    nullable: true,
    description: 'Answer as things stood on this day.',
  });
}
